export { databaseUrl, withAdminClient } from '../admin.js';
export { freePort } from './free-port.js';
export { createTestDatabase, type TestDatabase } from './test-database.js';
