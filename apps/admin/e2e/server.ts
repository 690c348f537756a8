import { createTestDatabase, freePort } from '@ilms/db/testing';
import { startServerProcess } from '@ilms/server/testing';
import { afterAll } from 'vitest';

/** The built server (serving the built admin app) on a database of this test file's own. */
export async function startBuiltServer() {
  const { url: databaseUrl, db } = await createTestDatabase();
  const server = await startServerProcess({
    build: 'dist',
    env: { DATABASE_URL: databaseUrl, PORT: String(await freePort()), LOG_LEVEL: 'warn' },
  });
  afterAll(() => server.stop());
  return { url: server.url, db };
}
