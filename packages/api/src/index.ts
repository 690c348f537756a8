export { API_TOKEN_PREFIX, type Authentication, authenticate, type PresentedCredentials } from './auth/authenticate.js';
export { authorizeCall, type CallToAuthorize, type RequestOrigin } from './auth/authorize.js';
export type { CredentialProblem, Principal, Role } from './auth/principal.js';
export {
  type Context,
  createContext,
  type Dependencies,
  defaultSessionLifetime,
  type ReceivedFile,
  type RequestFacts,
  type SessionCookie,
  type SessionLifetime,
} from './context.js';
export { DomainError, type DomainErrorCode, domainErrorCodes } from './errors.js';
export { FileHandoff } from './jobs/file-handoff.js';
export type { WorkerLog } from './jobs/import-job.js';
export { IMPORT_QUEUE, type JobQueue, type JobQueueOptions, startJobQueue } from './jobs/job-queue.js';
export { startWorker, type Worker, type WorkerOptions } from './jobs/worker.js';
export { type AppRouter, appRouter, createCaller } from './root.js';
export {
  DEFAULT_ADMIN_EMAIL,
  ensureFirstAdmin,
  type FirstAdminOutcome,
  type FirstAdminSettings,
} from './services/first-admin.service.js';
export { checkHealth, type Health } from './services/health.service.js';
export { applyDueReleases } from './services/release.service.js';
export {
  FilePurgedError,
  type Report,
  reportAnnotatedCopy,
  reportFindingsCsv,
  reportFindingsJson,
} from './services/report.service.js';
export { TEMP_FILE_PREFIX } from './temp-files.js';
