import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestAccount } from '@ilms/api/testing';
import { type Db, insertApiToken } from '@ilms/db';
import { freePort } from '@ilms/db/testing';
import { startServerProcess } from '@ilms/server/testing';
import { afterAll } from 'vitest';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
const importRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `ilms` as a real process with only the environment given (plus PATH), so neither the
 * developer's login nor their ILMS_* variables leak in; `input` is piped to stdin.
 */
export function spawnIlms(args: string[], env: Record<string, string>) {
  return spawn(process.execPath, ['--import', 'tsx', '--conditions=@ilms/source', cli, ...args], {
    cwd: importRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export function runIlms(args: string[], env: Record<string, string>, input = ''): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnIlms(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

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
