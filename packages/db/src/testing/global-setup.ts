import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { databaseUrl, dropDatabase, withAdminClient } from '../admin.js';
import { createDb } from '../create-db.js';
import { startEmbeddedPostgres } from '../embedded.js';
import { prepareDatabase } from '../prepare.js';
import { freePort } from './free-port.js';

async function startTemporaryServer() {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'ilms-test-pg-'));
  // mkdtemp makes the folder private; as root the server runs as `postgres` and must enter it.
  await chmod(parent, 0o711);
  return startEmbeddedPostgres({ dataDir: path.join(parent, 'data'), port: await freePort(), persistent: false });
}

/**
 * Once per test run: find a server (TEST_DATABASE_URL, DATABASE_URL, or an embedded one in
 * a temporary directory), migrate a template database, and hand its name to the test files,
 * which clone it (`createTestDatabase`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const embedded = given ? null : await startTemporaryServer();
  const adminUrl = given ?? embedded?.adminUrl ?? '';
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const templateName = `ilms_tpl_${runId}`;

  await withAdminClient(adminUrl, (client) => client.query(`create database ${templateName}`));
  const db = createDb({ connectionString: databaseUrl(adminUrl, templateName), maxConnections: 1 });
  try {
    await prepareDatabase(db);
  } finally {
    await db.destroy();
  }
  project.provide('ilmsDatabase', { adminUrl, templateName, runId });

  return async () => {
    await withAdminClient(adminUrl, async (client) => {
      const leftovers = await client.query<{ datname: string }>(
        'select datname from pg_database where datname like $1',
        [`ilms_%${runId}%`],
      );
      for (const { datname } of leftovers.rows) await dropDatabase(client, datname);
    });
    await embedded?.stop();
  };
}
