export type { Role } from './accounts.schema.js';
export { databaseUrl, ensureDatabase } from './admin.js';
export * from './api-token.repository.js';
export * from './audit.repository.js';
export * from './catalogue/index.js';
export { createDb, createPool, type Db, type DbConfig } from './create-db.js';
export { type EmbeddedOptions, type EmbeddedServer, EmbeddedStartError, startEmbeddedPostgres } from './embedded.js';
export { type DatabaseStatus, readDatabaseStatus, readDatabaseTime } from './health.repository.js';
export * from './login-attempt.repository.js';
export { MIGRATIONS_FOLDER, MigrationError, migrateToLatest } from './migrate.js';
export { type PreparedDatabase, prepareDatabase } from './prepare.js';
export type { Database } from './schema.js';
export {
  assertSupportedServer,
  MINIMUM_SERVER_VERSION,
  readServerVersion,
  type ServerVersion,
  UnsupportedServerError,
} from './server-version.js';
export * from './session.repository.js';
export * from './submission/index.js';
export { inTransaction } from './transaction.js';
export * from './user.repository.js';
