import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverRoot = fileURLToPath(new URL('..', import.meta.url));
const builtMain = path.join(serverRoot, 'dist/main.js');
/** Sampling period of the server's RSS. */
const SAMPLE_MS = 100;

export interface ServerUnderTest {
  url: string;
  /** The tail of its stdout and stderr. */
  output(): string;
  /** Stops the RSS sampler (the measured work is over); `rss()` keeps what it saw. */
  stopSampling(): void;
  rss(): { afterStartMb: number; peakMb: number; highWaterMb: number };
  /** User + system CPU the server process has used since it was ready (start-up excluded). */
  cpuSeconds(): number;
  /** SIGTERM, then SIGKILL if it has not exited after 20 s. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A field of /proc/<pid>/status in MB (Linux: the sampler needs /proc). */
function readStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** utime + stime of /proc/<pid>/stat, in clock ticks of 1/100 s (USER_HZ on Linux). */
function readCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts `node dist/main.js` as production runs it, on `databaseUrl`, with one worker and an
 * upload limit above any benchmark file, and samples its RSS every 100 ms from the moment it is
 * ready. (`startServerProcess` of ../src/testing does not expose the process id the sampler needs.)
 */
export async function startBuiltServer(databaseUrl: string): Promise<ServerUnderTest> {
  if (!existsSync(builtMain) || !existsSync('/proc/self/status')) {
    throw new Error(
      `The upload benchmark runs the built server (${builtMain}) on Linux (it samples /proc/<pid>/status). Run it with \`pnpm bench:upload\` from the repository root, which builds the server first.`,
    );
  }
  const port = await freePort();
  const { PATH = '', HOME = '', TMPDIR } = process.env;
  // `BENCH_CPU_PROF=<dir>`, as for `pnpm bench:import`: the server writes a profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, builtMain], {
    cwd: serverRoot,
    env: {
      PATH,
      HOME,
      ...(TMPDIR ? { TMPDIR } : {}),
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      ILMS_WORKERS: '1',
      ILMS_UPLOAD_LIMIT_MB: '4096',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Only the tail is kept: the request log of the polling grows with the file.
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${builtMain}`);

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within 60 s:\n${output}`));
    }, 60_000);
    child.stdout?.on('data', () => {
      const match = /ILMS Hub is running at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${code} before it was ready:\n${output}`));
    });
  });

  const afterStartMb = readStatusMb(pid, 'VmRSS');
  let peakMb = afterStartMb;
  let highWaterMb = readStatusMb(pid, 'VmHWM');
  const cpuAtStart = readCpuSeconds(pid);
  let cpu = cpuAtStart;
  const sample = () => {
    try {
      peakMb = Math.max(peakMb, readStatusMb(pid, 'VmRSS'));
      highWaterMb = readStatusMb(pid, 'VmHWM');
      cpu = readCpuSeconds(pid);
    } catch {
      // The server has exited (the upload then fails, with its output); the last figures stand.
    }
  };
  const sampler = setInterval(sample, SAMPLE_MS);
  let isSampling = true;
  const stopSampling = () => {
    if (!isSampling) return;
    isSampling = false;
    clearInterval(sampler);
    sample();
  };

  return {
    url,
    output: () => output,
    stopSampling,
    rss: () => ({ afterStartMb, peakMb, highWaterMb }),
    cpuSeconds: () => cpu - cpuAtStart,
    async stop() {
      stopSampling();
      child.kill('SIGTERM');
      if (await waitForExit(child, 20_000)) return;
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    },
  };
}
