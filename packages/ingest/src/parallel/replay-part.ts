import { closeSync, openSync } from 'node:fs';
import type { RunState } from '../run-state.js';
import type { CodeInfo, CompiledIndicator } from '../validate/compiled-catalogue.js';
import type { SeriesRow, SeriesWindow } from '../validate/series-window.js';
import { ITEM, type PartItem, RecordBuffer, readRecords, WORDS } from './part-log.js';

/**
 * Feeds the second part's log into this thread's findings and window, in file order, as if its
 * rows had been read here: findings go to the reports as found there (already on the part's
 * annotated copy), and what the window finds about the part's rows is late (merged into the copy
 * afterwards, after the row's own findings, where a single thread would have put it). Returns
 * false when the findings limit dropped one of the part's findings, whose copy then shows it.
 */
export function replayPart(state: RunState, window: SeriesWindow, logPath: string, items: PartItem[]): boolean {
  const { catalogue: cat, findings } = state;
  const indicators: CompiledIndicator[] = [];
  for (const ind of cat.indicators.values()) indicators[ind.index] = ind;
  const codes: (CodeInfo | undefined)[] = [];
  for (const info of cat.codes.values()) codes[info.id] = info;
  const sources: number[] = [0];
  const row: SeriesRow = {
    indicator: indicators[0] as CompiledIndicator,
    area: '',
    source: '',
    time: '',
    codes: ['', '', ''],
    infos: [undefined, undefined, undefined],
    value: 0,
    line: 0,
  };
  let isExact = true;
  let next = 0;
  const buffer = new RecordBuffer();
  const fd = openSync(logPath, 'r');
  try {
    while (readRecords(fd, buffer) > 0) {
      const { words, values } = buffer;
      for (let r = 0; r < buffer.count; r++) {
        const w = r * WORDS;
        if (words[w] === ITEM) {
          const item = items[next++] as PartItem;
          if (item.kind === 'source') sources.push(window.keys.source(item.text));
          else {
            if (findings.stored >= findings.limit) isExact = false;
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
    }
  } finally {
    closeSync(fd);
  }
  return isExact;
}
