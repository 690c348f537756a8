export { createRequestHarness, type RecordedCookie } from './request-harness.js';
export { createTestAccount, TEST_PASSWORD, type TestAccount, type TestAccountOptions } from './test-account.js';
