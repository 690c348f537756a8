import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestAccount } from '@ilms/api/testing';
import { type Db, insertApiToken, insertSource } from '@ilms/db';
import { freePort } from '@ilms/db/testing';
import { startServerProcess } from '@ilms/server/testing';
import { afterAll } from 'vitest';

/**
 * The server, from source, on this test file's database; stopped when the file ends. Call it at
 * the top of a test file (it registers the stop with `afterAll`).
 */
export async function startHub(databaseUrl: string, env: Record<string, string> = {}): Promise<string> {
  const server = await startServerProcess({
    build: 'source',
    env: { DATABASE_URL: databaseUrl, PORT: String(await freePort()), LOG_LEVEL: 'warn', ...env },
    timeoutMs: 90_000,
  });
  afterAll(() => server.stop());
  return server.url.replace(/\/$/, '');
}

/** A real account with a real API token, made as the tokens page would. */
export async function createTokenAccount(db: Db, role: 'focal_point' | 'coordinator', countries: string[]) {
  const account = await createTestAccount(db, { role, countries });
  const token = `ilms_${randomBytes(32).toString('base64url')}`;
  const now = new Date();
  await insertApiToken(db, {
    tokenHash: createHash('sha256').update(token, 'utf8').digest(),
    prefix: token.slice(0, 11),
    userId: account.principal.userId,
    name: 'cli test',
    now,
    expiresAt: new Date(now.getTime() + 86_400_000),
  });
  return { ...account, token };
}

/** A folder of its own for files and the CLI's config; HOME points here so ~/.config is never the real one. */
export function createWorkspace() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ilms-hub-cli-'));
  return { dir, home: dir, configFile: path.join(dir, 'config', 'ilms.json') };
}

/** A Lao labour force survey registered as `id`, so rows naming it pass the hub's source check. */
export async function insertLaoSource(db: Db, id: string) {
  await insertSource(db, {
    id,
    country: 'LAO',
    type_prefix: 'BA',
    name: 'Labour force survey',
    agency: 'Lao Statistics Bureau',
    first_year: null,
    last_year: null,
  });
}
