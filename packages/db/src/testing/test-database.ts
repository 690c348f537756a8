import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { databaseUrl, dropDatabase, withAdminClient } from '../admin.js';
import { createDb, type Db } from '../create-db.js';

/** What the global setup hands each test file. */
declare module 'vitest' {
  export interface ProvidedContext {
    ilmsDatabase: { adminUrl: string; templateName: string; runId: string };
  }
}

export interface TestDatabase {
  db: Db;
  /** Connection string of this file's own database, e.g. for a server process under test. */
  url: string;
  name: string;
}

/**
 * Gives the calling test file a database of its own, cloned from the migrated template
 * (fast: a file copy inside PostgreSQL), and drops it when the file's tests are done.
 * Call it at the top of a test file or in `beforeAll`.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, templateName, runId } = inject('ilmsDatabase');
  const name = `ilms_t_${runId}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, (client) =>
    client.query(`create database ${client.escapeIdentifier(name)} template ${client.escapeIdentifier(templateName)}`),
  );
  const url = databaseUrl(adminUrl, name);
  const db = createDb({ connectionString: url, maxConnections: 4 });
  afterAll(async () => {
    await db.destroy();
    await withAdminClient(adminUrl, (client) => dropDatabase(client, name));
  });
  return { db, url, name };
}
