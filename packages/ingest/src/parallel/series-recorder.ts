import type { CodeInfo, CompiledCatalogue } from '../validate/compiled-catalogue.js';
import { SeriesKeys } from '../validate/series-keys.js';
import type { SeriesRow, SeriesTracker } from '../validate/series-window.js';
import type { PartLogWriter } from './part-log.js';

/** Something the second thread cannot do alike (see its uses): the first thread reads the part instead. */
export class PartNotSplittableError extends Error {}

const MAX_LOCAL_ID = 0xffff;

/**
 * The second thread's stand-in for the SeriesWindow: logs each keyed row as numbers for the
 * first thread's window, which alone sees the whole file. Catalogue codes and areas have the same
 * ids in both threads (the same catalogue); sources, numbered per file in order of appearance,
 * get part-local ids, each sent by name the first time. National codes never get here: the
 * worker leaves a part with them to the first thread (part-worker.ts).
 */
export class SeriesRecorder implements SeriesTracker {
  private readonly keys: SeriesKeys;
  private readonly sources = new Map<string, number>();
  private lastSource = '';
  private lastSourceId = -1;
  readonly bytes = 0;

  constructor(
    private readonly cat: CompiledCatalogue,
    private readonly log: PartLogWriter,
  ) {
    this.keys = new SeriesKeys(cat);
  }

  track(r: SeriesRow): void {
    let source = this.lastSourceId;
    if (r.source !== this.lastSource) {
      source = this.sourceId(r.source);
      this.lastSource = r.source;
      this.lastSourceId = source;
    }
    const c01 = this.code(r.codes[0], r.infos[0]) | (this.code(r.codes[1], r.infos[1]) << 16);
    const at = this.keys.areaTime(r.area, r.time);
    this.log.track(r.line, at, source | (r.indicator.index << 16), c01, this.code(r.codes[2], r.infos[2]), r.value);
  }

  finish(): void {}

  private code(code: string, info: CodeInfo | undefined): number {
    if (info !== undefined) return info.id;
    if (code === '') return 0;
    const known = this.cat.codes.get(code);
    if (known === undefined) throw new PartNotSplittableError(`"${code}" is not a catalogue code`);
    return known.id;
  }

  private sourceId(source: string): number {
    let id = this.sources.get(source);
    if (id === undefined) {
      id = this.sources.size + 1;
      if (id > MAX_LOCAL_ID) throw new PartNotSplittableError(`more than ${MAX_LOCAL_ID} distinct sources`);
      this.sources.set(source, id);
      this.log.item({ kind: 'source', text: source });
    }
    return id;
  }
}
