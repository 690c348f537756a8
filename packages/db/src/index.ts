export { databaseUrl, ensureDatabase } from './admin.js';
export { createDb, createPool, type Db, type DbConfig } from './create-db.js';
export { type EmbeddedOptions, type EmbeddedServer, EmbeddedStartError, startEmbeddedPostgres } from './embedded.js';
export { type DatabaseStatus, readDatabaseStatus } from './health.repository.js';
export { MIGRATIONS_FOLDER, MigrationError, migrateToLatest } from './migrate.js';
export type { Database } from './schema.js';
export {
  assertSupportedServer,
  MINIMUM_SERVER_VERSION,
  readServerVersion,
  type ServerVersion,
  UnsupportedServerError,
} from './server-version.js';
