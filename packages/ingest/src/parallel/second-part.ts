import { mkdtempSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { TextSeam } from '../read/read-text.js';
import type { RunState } from '../run-state.js';
import type { CompiledCatalogue } from '../validate/compiled-catalogue.js';
import { SeriesWindow } from '../validate/series-window.js';
import type { PartItem } from './part-log.js';
import type { PartAppend, PartAppended, PartOutcome, PartProgress, PartStart } from './part-worker.js';
import { PartReplay } from './replay-part.js';

export interface ParallelOptions {
  /** Plain text files from this size on are read by two threads (default 24 MB; Infinity: never). */
  minBytes?: number;
  /** Where the second thread starts: the line after this byte offset (default 35% into the file). */
  splitAt?: number;
}

const DEFAULT_MIN_BYTES = 24 << 20;
/**
 * The first thread reads this share of the file, then replays the window for the rest while the
 * worker still checks it (the window is about two fifths of the per-row work), so both threads
 * end about together: 0.3 to 0.45 measured alike (docs/benchmarks.md).
 */
const FIRST_SHARE = 0.35;
const MAX_PART_FINDINGS = 100_000;
const isSource = import.meta.url.endsWith('.ts');

function withoutFunctions({ nationalSchemeOf: _, ...data }: CompiledCatalogue): PartStart['catalogue'] {
  return data;
}

/**
 * The built worker; or, when the sources run (tests), the TypeScript one through tsx's loader,
 * registered inside the worker since Node 20 does not hand loader hooks on to worker threads.
 */
function workerScript(): { script: string | URL; options: WorkerOptions } {
  if (!isSource) return { script: new URL('./part-worker.js', import.meta.url), options: {} };
  const api = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./part-worker.ts', import.meta.url).href;
  const script = `const { register } = await import(${JSON.stringify(api)});
register();
await import(${JSON.stringify(worker)});`;
  return { script, options: { eval: true, execArgv: ['--conditions=@ilms/source'] } };
}

/**
 * The second half of a plain text file, checked by a worker thread with its own reader and row
 * checks while this thread reads the first: see docs/benchmarks.md. The worker starts at once
 * (loading the catalogue takes a while) and is told the header when this thread has read it.
 * Anything that would make the result differ from one thread's (a quoted line break across
 * the seam, a refusal, too many findings) ends it: this thread reads on from the seam, or, when
 * it has already taken in some of the part, the file is read again on one thread.
 */
export class SecondPart implements TextSeam {
  private readonly worker: Worker;
  private readonly items: PartItem[] = [];
  private readonly dir = mkdtempSync(join(tmpdir(), 'ilms-part-'));
  private isBegun = false;
  /** What the worker has told so far: the line its part starts on, the records it has logged, how it ended. */
  private firstLine: number | undefined;
  private written = 0;
  private outcome: PartOutcome | undefined;
  /** Resolves the wait for the worker's next message. */
  private wake: (() => void) | undefined;

  private constructor(
    private readonly path: string,
    readonly start: number,
  ) {
    const { script, options } = workerScript();
    // A small young generation keeps the second isolate's share of peak RSS down (docs/benchmarks.md).
    this.worker = new Worker(script, { ...options, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    this.worker.unref();
    this.worker.on('message', (message: PartItem[] | PartOutcome | PartProgress | PartAppended) => {
      if (Array.isArray(message)) this.items.push(...message);
      else if (!('kind' in message)) return;
      else if (message.kind === 'first-line') this.firstLine = message.line;
      else if (message.kind === 'written') this.written = message.records;
      else this.outcome ??= message;
      this.signal();
    });
    this.worker.on('error', (error) => this.end({ kind: 'given-up', reason: String(error) }));
    this.worker.on('exit', () => this.end({ kind: 'given-up', reason: 'the worker stopped' }));
  }

  private end(outcome: PartOutcome): void {
    this.outcome ??= outcome;
    this.signal();
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private nextMessage(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  /** A second part for a file this large, starting at a line feed; undefined when not worth it. */
  static async plan(path: string, options: ParallelOptions = {}): Promise<SecondPart | undefined> {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      if (size < (options.minBytes ?? DEFAULT_MIN_BYTES)) return undefined;
      // On one core a second thread only adds its own work (about a quarter more CPU time).
      if (availableParallelism() < 2) return undefined;
      const from = Math.max(1, Math.floor(options.splitAt ?? size * FIRST_SHARE));
      const probe = Buffer.alloc(1 << 16);
      const { bytesRead } = await file.read(probe, 0, probe.length, from - 1);
      const lineFeed = probe.subarray(0, bytesRead).indexOf(10);
      if (lineFeed < 0 || from + lineFeed >= size) return undefined;
      return new SecondPart(path, from + lineFeed);
    } finally {
      await file.close();
    }
  }

  begin(state: RunState): void {
    const { header, dialect, encoding } = state;
    if (this.isBegun || header === undefined || dialect === null || encoding === null) return;
    this.isBegun = true;
    // Line numbers past the seam come from counting line feeds, and UTF-16 has them in two bytes.
    if (encoding.startsWith('utf-16') || dialect.newline === '\r') {
      void this.stop();
      return;
    }
    const start: PartStart = {
      path: this.path,
      start: this.start,
      dialect,
      encoding,
      header: { names: header.names, line: state.headerLine },
      catalogue: withoutFunctions(state.catalogue),
      // No national schemes: a national code makes the worker leave its part to this thread.
      options: {
        country: state.options.country,
        source: state.options.source,
        unitMultiplier: state.options.unitMultiplier,
        hasDatabaseChecks: state.options.hasDatabaseChecks,
      },
      findingLimit: state.findings.limit,
      maxFindings: MAX_PART_FINDINGS,
      logPath: join(this.dir, 'rows.bin'),
      annotatedPath: state.annotated === undefined ? undefined : join(this.dir, 'annotated.part'),
      wholeAnnotatedPath: state.annotated?.path,
    };
    this.worker.postMessage(start);
  }

  /**
   * Takes in the second part when this thread stopped exactly where it starts (`nextLine` is
   * the line of the next record there, undefined when not at a record's start), replaying its
   * log as the worker writes it. Should the worker give up once some of it is taken in, the run
   * is marked inexact: the file is then read again on one thread (validate-file.ts).
   */
  async merge(state: RunState, nextLine: number | undefined): Promise<boolean> {
    let replay: PartReplay | undefined;
    try {
      const { findings, validator } = state;
      const window = validator?.window;
      if (nextLine === undefined || !this.isBegun || !validator || !(window instanceof SeriesWindow)) return false;
      // Past the limit the part's copy would show findings the reports leave out: read here instead.
      if (findings.stored < findings.total) return false;
      while (this.firstLine === undefined && this.outcome === undefined) await this.nextMessage();
      if (this.firstLine !== nextLine) return false;
      for (;;) {
        // Read before replaying: once the outcome is in, every record has been written.
        const outcome = this.outcome;
        if (outcome !== undefined && outcome.kind !== 'done') {
          if (replay === undefined) return false;
          state.isInexact = true;
          return true;
        }
        // The worker copies its part of the annotated copy after this one's while the rest replays here.
        const appended =
          outcome === undefined || state.annotated === undefined
            ? undefined
            : this.append(await state.annotated.settle());
        if (this.written > (replay?.replayed ?? 0)) {
          replay ??= new PartReplay(state, window, join(this.dir, 'rows.bin'));
          replay.replayTo(this.written, this.items);
        }
        if (outcome === undefined) {
          await this.nextMessage();
          continue;
        }
        await appended;
        if (replay !== undefined && !replay.isExact) state.isInexact = true;
        validator.rows += outcome.rows;
        state.rowCount += outcome.rowCount;
        state.threads = 2;
        return true;
      }
    } finally {
      replay?.close();
      await this.stop();
    }
  }

  private append(at: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.worker.once('message', (message: PartAppended) =>
        message.error === undefined ? resolve() : reject(new Error(message.error)),
      );
      this.worker.postMessage({ at } satisfies PartAppend);
    });
  }

  /** Ends the worker and removes its files (again is harmless). */
  async stop(): Promise<void> {
    this.items.length = 0;
    await this.worker.terminate();
    await rm(this.dir, { recursive: true, force: true });
  }
}
