import type { SubmissionJob } from './hub-types.js';
import { truncate } from './text-width.js';

const units = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/** Sizes in 1024-based units, as file managers on Windows show them: 1.5 MB, 820 kB. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** `[########------------]`: ASCII, so every console code page shows it. */
export function renderBar(fraction: number, width = 24): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const filled = Math.round(clamped * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

export function formatPercent(done: number, total: number): string {
  if (total <= 0) return '100%';
  return `${Math.floor((Math.min(done, total) * 100) / total)}%`.padStart(4);
}

/** `[#####-----]  45%  12.3 MB / 27.1 MB` */
export function formatTransfer(sent: number, total: number): string {
  return `${renderBar(total > 0 ? sent / total : 1)} ${formatPercent(sent, total)}  ${formatBytes(sent)} / ${formatBytes(total)}`;
}

const phaseLabels: Record<SubmissionJob['phase'], string> = {
  queued: 'waiting for a worker',
  loading: 'reading the file',
  validating: 'checking each row',
  checking: 'checking the whole file against the hub',
  done: 'done',
};

export function describePhase(phase: SubmissionJob['phase']): string {
  return phaseLabels[phase] ?? phase;
}

/** `checking each row  [####------]  40%  120,345 rows` (and the attempt when retried). */
export function formatJobProgress(
  job: Pick<SubmissionJob, 'phase' | 'bytesRead' | 'bytesTotal' | 'rowsRead' | 'attempt' | 'maxAttempts'>,
): string {
  const parts = [describePhase(job.phase)];
  if (job.phase !== 'queued' && job.bytesTotal > 0) {
    parts.push(`${renderBar(job.bytesRead / job.bytesTotal)} ${formatPercent(job.bytesRead, job.bytesTotal)}`);
  }
  if (job.rowsRead > 0) parts.push(`${job.rowsRead.toLocaleString('en')} rows`);
  if (job.attempt > 1) parts.push(`attempt ${job.attempt} of ${job.maxAttempts}`);
  return parts.join('  ');
}

export interface ProgressOutput {
  /** A transient status line, redrawn in place; shown only on a live terminal. */
  live(text: string): void;
  /** A lasting line (milestones): always written. */
  line(text: string): void;
  /** Clears the transient line. */
  end(): void;
}

interface Writable {
  write(text: string): unknown;
  columns?: number | undefined;
}

/**
 * Progress on stderr: on a terminal (or with --progress) one line redrawn at most ten times a
 * second; otherwise only the lasting lines, so CI logs stay readable.
 */
export function createProgressOutput(stream: Writable, isLive: boolean, now = () => Date.now()): ProgressOutput {
  let shown = false;
  let lastDraw = 0;
  const clear = () => {
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  return {
    live(text) {
      if (!isLive) return;
      const time = now();
      if (shown && time - lastDraw < 100) return;
      lastDraw = time;
      stream.write(`\r\x1b[2K${truncate(text, Math.max(20, (stream.columns || 100) - 1))}`);
      shown = true;
    },
    line(text) {
      clear();
      stream.write(`${text}\n`);
    },
    end: clear,
  };
}
