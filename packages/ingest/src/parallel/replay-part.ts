import { closeSync, openSync } from 'node:fs';
import type { RunState } from '../run-state.js';
import type { CodeInfo, CompiledIndicator } from '../validate/compiled-catalogue.js';
import type { SeriesRow, SeriesWindow } from '../validate/series-window.js';
import { ITEM, type PartItem, RecordBuffer, readRecords, WORDS } from './part-log.js';

/**
 * Feeds the second part's log into this thread's findings and window, in file order, as if its
 * rows had been read here, as far as the log has been written: the part is replayed while the
 * second thread still checks it. Findings go to the reports as found there (already on the
 * part's annotated copy), and what the window finds about the part's rows is late (merged into
 * the copy afterwards, after the row's own findings, where a single thread would have put it).
 */
export class PartReplay {
  private readonly indicators: CompiledIndicator[] = [];
  private readonly codes: (CodeInfo | undefined)[] = [];
  private readonly sources: number[] = [0];
  private readonly row: SeriesRow;
  private readonly buffer = new RecordBuffer();
  private readonly fd: number;
  /** Records replayed so far, and items taken. */
  replayed = 0;
  private nextItem = 0;
  /** False once the findings limit dropped one of the part's findings, which its copy then shows. */
  isExact = true;

  constructor(
    private readonly state: RunState,
    private readonly window: SeriesWindow,
    logPath: string,
  ) {
    const cat = state.catalogue;
    for (const ind of cat.indicators.values()) this.indicators[ind.index] = ind;
    for (const info of cat.codes.values()) this.codes[info.id] = info;
    this.row = {
      indicator: this.indicators[0] as CompiledIndicator,
      area: '',
      source: '',
      time: '',
      codes: ['', '', ''],
      infos: [undefined, undefined, undefined],
      value: 0,
      line: 0,
    };
    this.fd = openSync(logPath, 'r');
  }

  /** Replays the records up to `written` (the log's records so far); `items` holds every item they mark. */
  replayTo(written: number, items: readonly PartItem[]): void {
    const { findings } = this.state;
    const { buffer, row, window, indicators, codes, sources } = this;
    while (this.replayed < written && readRecords(this.fd, buffer, written - this.replayed) > 0) {
      const { words, values } = buffer;
      for (let r = 0; r < buffer.count; r++) {
        const w = r * WORDS;
        if (words[w] === ITEM) {
          const item = items[this.nextItem++] as PartItem;
          if (item.kind === 'source') sources.push(window.keys.source(item.text));
          else {
            if (findings.stored >= findings.limit) this.isExact = false;
            findings.add(item.code, item.params);
            findings.beginRow();
          }
          continue;
        }
        const c01 = words[w + 4] as number;
        const c0 = c01 & 0xffff;
        const c1 = c01 >>> 16;
        const c2 = words[w + 5] as number;
        const sourceIndicator = words[w + 3] as number;
        row.indicator = indicators[sourceIndicator >>> 16] as CompiledIndicator;
        row.infos[0] = codes[c0];
        row.infos[1] = codes[c1];
        row.infos[2] = codes[c2];
        row.value = values[r * (WORDS / 2) + 3] as number;
        row.line = words[w + 1] as number;
        findings.isLate = true;
        window.trackKeys(row, words[w + 2] as number, sources[sourceIndicator & 0xffff] as number, c0, c1, c2);
        findings.isLate = false;
      }
      this.replayed += buffer.count;
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}
