export { databaseUrl, withAdminClient } from '../admin.js';
export { freePort } from './free-port.js';
export { snapshotTables } from './table-snapshot.js';
export { createTestDatabase, type TestDatabase } from './test-database.js';
