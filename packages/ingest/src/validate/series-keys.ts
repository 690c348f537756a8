import type { CodeInfo, CompiledCatalogue } from './compiled-catalogue.js';

/** Ids past this do not fit their 16 bits: such a row is not tracked (the limit is reported). */
const MAX_ID = 0xffff;
const FIRST_YEAR = 1950;

/**
 * Turns the fields of a series key into small integers, so a key packs exactly into 4 × 32 bits
 * and is compared without strings or hashes: catalogue codes, areas and indicators have fixed
 * ids; sources and national codes get ids per file, in order of appearance.
 */
export class SeriesKeys {
  private readonly areas = new Map<string, number>();
  private readonly sources = new Map<string, number>();
  private readonly nationalCodes = new Map<string, number>();
  /** Rows of a block come together: the previous answers skip the map lookups. */
  private lastArea = '';
  private lastTime = '';
  private lastAreaTime = 0;
  private lastSource = '';
  private lastSourceId = -1;

  constructor(private readonly cat: CompiledCatalogue) {
    for (const area of cat.areas) this.areas.set(area, this.areas.size + 1);
  }

  /** area (10 bits) and period (12 bits): one word of the key and of the block. */
  areaTime(area: string, time: string): number {
    if (area === this.lastArea && time === this.lastTime) return this.lastAreaTime;
    this.lastArea = area;
    this.lastTime = time;
    this.lastAreaTime = (this.areas.get(area) ?? 0) | (timeCode(time) << 10);
    return this.lastAreaTime;
  }

  /** The id of a source, or -1 when the file has too many distinct sources to track. */
  source(source: string): number {
    if (source === this.lastSource) return this.lastSourceId;
    let id = this.sources.get(source);
    if (id === undefined) {
      if (this.sources.size >= MAX_ID) return -1;
      id = this.sources.size + 1;
      this.sources.set(source, id);
    }
    this.lastSource = source;
    this.lastSourceId = id;
    return id;
  }

  /** The id of a code (0 for empty), or -1 when it cannot be tracked; `info` when the row's checks found it. */
  code(code: string, info: CodeInfo | undefined): number {
    if (info !== undefined) return info.id;
    if (code === '') return 0;
    const known = this.cat.codes.get(code);
    if (known) return known.id;
    let id = this.nationalCodes.get(code);
    if (id === undefined) {
      id = this.cat.codes.size + this.nationalCodes.size + 1;
      if (id > MAX_ID) return -1;
      this.nationalCodes.set(code, id);
    }
    return id;
  }
}

/** 2024 → year index × 17; quarters add 1–4, months 5–16. The text is already a valid period. */
function timeCode(time: string): number {
  const year = (time.charCodeAt(0) - 48) * 1000 + (time.charCodeAt(1) - 48) * 100 + (time.charCodeAt(2) - 48) * 10;
  const base = (year + time.charCodeAt(3) - 48 - FIRST_YEAR) * 17;
  if (time.length === 4) return base;
  const sub = time.length === 6 ? time.charCodeAt(5) - 48 : (time.charCodeAt(5) - 48) * 10 + time.charCodeAt(6) - 48;
  return base + (time.charCodeAt(4) === 81 ? sub : 4 + sub);
}
