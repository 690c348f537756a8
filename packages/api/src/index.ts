export { type Context, createContext, type Dependencies } from './context.js';
export { DomainError, type DomainErrorCode, domainErrorCodes } from './errors.js';
export { type AppRouter, appRouter, createCaller } from './root.js';
export { checkHealth, type Health } from './services/health.service.js';
