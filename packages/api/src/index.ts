export { API_TOKEN_PREFIX, type Authentication, authenticate, type PresentedCredentials } from './auth/authenticate.js';
export type { RequestOrigin } from './auth/authorize.js';
export type { CredentialProblem, Principal, Role } from './auth/principal.js';
export {
  type Context,
  createContext,
  type Dependencies,
  defaultSessionLifetime,
  type RequestFacts,
  type SessionCookie,
  type SessionLifetime,
} from './context.js';
export { DomainError, type DomainErrorCode, domainErrorCodes } from './errors.js';
export { type AppRouter, appRouter, createCaller } from './root.js';
export {
  DEFAULT_ADMIN_EMAIL,
  ensureFirstAdmin,
  type FirstAdminOutcome,
  type FirstAdminSettings,
} from './services/first-admin.service.js';
export { checkHealth, type Health } from './services/health.service.js';
