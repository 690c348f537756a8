import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@ilms/db/testing';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  url: string;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Kills the process outright (SIGKILL: no shutdown code runs), as a crash or an OOM kill would. */
  kill(): Promise<void>;
}

export interface StartOptions {
  env: Record<string, string>;
  /** `dist`: the built server, as production runs it; `source`: TypeScript through tsx. */
  build: 'dist' | 'source';
  timeoutMs?: number;
}

function entryArgs(build: StartOptions['build']): string[] {
  return build === 'dist'
    ? [path.join(serverRoot, 'dist/main.js')]
    : ['--import', 'tsx', '--conditions=@ilms/source', path.join(serverRoot, 'src/main.ts')];
}

/** The environment a server under test starts from: only what a shell would pass, never our own DB settings. */
function baseEnv(): Record<string, string> {
  const { PATH = '', HOME = '', TMPDIR } = process.env;
  return { PATH, HOME, ...(TMPDIR ? { TMPDIR } : {}), LOG_LEVEL: 'info' };
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Runs the server as a real process until it prints its URL; rejects with its output if it exits first. */
export async function startServerProcess(options: StartOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, entryArgs(options.build), {
    cwd: serverRoot,
    env: { ...baseEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${options.timeoutMs ?? 60_000} ms:\n${output}`));
    }, options.timeoutMs ?? 60_000);
    const onData = () => {
      const match = /ILMS Hub is running at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new ServerExitedError(code, output));
    });
  });

  return {
    url,
    output: () => output,
    stop: () => {
      child.kill('SIGTERM');
      return waitForExit(child);
    },
    kill: async () => {
      child.kill('SIGKILL');
      await waitForExit(child);
    },
  };
}

/** The built server on the database at `databaseUrl` and a free port, logging warnings only; `env` adds settings. */
export async function startBuiltServerProcess(databaseUrl: string, env: Record<string, string> = {}) {
  return startServerProcess({
    build: 'dist',
    env: { DATABASE_URL: databaseUrl, PORT: String(await freePort()), LOG_LEVEL: 'warn', ...env },
  });
}

export class ServerExitedError extends Error {
  override name = 'ServerExitedError';
  constructor(
    readonly exitCode: number | null,
    readonly output: string,
  ) {
    super(`server exited with code ${exitCode} before it was ready:\n${output}`);
  }
}
