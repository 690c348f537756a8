import { createTestDatabase } from '@ilms/db/testing';
import { startBuiltServerProcess } from '@ilms/server/testing';
import { afterAll } from 'vitest';

/** The administrator every browser test's server starts with (ILMS_ADMIN_EMAIL / ILMS_ADMIN_PASSWORD). */
export const testAdmin = { email: 'admin@e2e.example', password: 'e2e harbour lantern mango' };

/** The built server (serving the built admin app) on a database of this test file's own; `env` adds settings. */
export async function startBuiltServer(env: Record<string, string> = {}) {
  const { url: databaseUrl, db } = await createTestDatabase();
  const server = await startBuiltServerProcess(databaseUrl, {
    ILMS_ADMIN_EMAIL: testAdmin.email,
    ILMS_ADMIN_PASSWORD: testAdmin.password,
    ...env,
  });
  afterAll(() => server.stop());
  return { url: server.url, db };
}
