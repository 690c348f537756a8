import { existsSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, freePort } from '@ilms/db/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ServerExitedError, startServerProcess } from './testing/index.js';

async function startFailure(env: Record<string, string>): Promise<ServerExitedError> {
  const error = await startServerProcess({ build: 'source', env }).then(
    () => {
      throw new Error('server started although it should not have');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServerExitedError);
  return error as ServerExitedError;
}

async function readHealth(url: string) {
  const response = await fetch(new URL('/health', url));
  return { status: response.status, body: (await response.json()) as { database: { isUp: boolean; version: string } } };
}

describe('start-up', () => {
  it('stops with a readable message when a variable is malformed', async () => {
    const failure = await startFailure({ PORT: 'abc' });
    expect(failure.exitCode).toBe(1);
    expect(failure.output).toContain('PORT: expected a whole number (got "abc")');
    expect(failure.output).not.toMatch(/\n\s+at /);
  });

  it('stops with a readable message when DATABASE_URL is not a PostgreSQL URL', async () => {
    const failure = await startFailure({ DATABASE_URL: 'localhost:5432' });
    expect(failure.exitCode).toBe(1);
    expect(failure.output).toContain('DATABASE_URL: expected a PostgreSQL URL');
  });

  it('uses DATABASE_URL when given, migrating it, and starts no embedded server', async () => {
    const { url: databaseUrl, db } = await createTestDatabase();
    const dataDir = path.join(os.tmpdir(), `ilms-unused-${Date.now()}`);
    const server = await startServerProcess({
      build: 'source',
      env: { DATABASE_URL: databaseUrl, PORT: String(await freePort()), ILMS_DATA_DIR: dataDir },
    });
    try {
      const health = await readHealth(server.url);
      expect(health.status).toBe(200);
      expect(health.body.database.isUp).toBe(true);
      expect(server.output()).toContain('"embedded":false');
      expect(existsSync(dataDir)).toBe(false);
      const tables = await db.introspection.getTables();
      expect(tables.map((t) => t.name)).toContain('app_setting');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('starts an embedded PostgreSQL without DATABASE_URL and keeps its data across a restart', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'ilms-embedded-'));
    await chmod(parent, 0o711);
    const pgPort = await freePort();
    const env = { ILMS_DATA_DIR: parent, EMBEDDED_PG_PORT: String(pgPort), PORT: String(await freePort()) };
    const embeddedUrl = `postgres://postgres:ilms-embedded@127.0.0.1:${pgPort}/ilms`;

    const first = await startServerProcess({ build: 'source', env, timeoutMs: 90_000 });
    try {
      expect((await readHealth(first.url)).body.database.isUp).toBe(true);
      const client = new pg.Client({ connectionString: embeddedUrl });
      await client.connect();
      await client.query(`insert into app_setting (key, value) values ('restart-probe', '"ສະບາຍດີ"')`);
      await client.end();
    } finally {
      expect(await first.stop()).toBe(0);
    }
    await expect(fetch(first.url)).rejects.toThrow();
    const refused = new pg.Client({ connectionString: embeddedUrl, connectionTimeoutMillis: 2000 });
    await expect(refused.connect()).rejects.toThrow();

    const second = await startServerProcess({ build: 'source', env, timeoutMs: 90_000 });
    try {
      const client = new pg.Client({ connectionString: embeddedUrl });
      await client.connect();
      const { rows } = await client.query(`select value from app_setting where key = 'restart-probe'`);
      await client.end();
      expect(rows).toEqual([{ value: 'ສະບາຍດີ' }]);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
