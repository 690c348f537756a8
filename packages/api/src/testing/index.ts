export { writeLargeImportFile } from './import-fixture.js';
export { startTestJobs, type TestJobs, waitUntil } from './job-harness.js';
export { createRequestHarness, type RecordedCookie } from './request-harness.js';
export { createTestAccount, TEST_PASSWORD, type TestAccount, type TestAccountOptions } from './test-account.js';
