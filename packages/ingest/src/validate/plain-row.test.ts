import { describe, expect, it } from 'vitest';
import { type Finding, FindingCollector } from '../findings/collector.js';
import { HEADER } from '../testing/fixtures.js';
import { readHeader } from './columns.js';
import { compileCatalogue } from './compiled-catalogue.js';
import { type RowCheckOptions, RowValidator } from './row-validator.js';
import type { SeriesRow, SeriesTracker } from './series-window.js';

const cat = compileCatalogue();

/** Every keyed row as the window would get it. */
class KeyLog implements SeriesTracker {
  readonly rows: string[] = [];
  readonly bytes = 0;
  track(r: SeriesRow): void {
    const infos = r.infos.map((i) => i?.id ?? 0);
    this.rows.push([r.line, r.indicator.code, r.area, r.source, r.time, ...r.codes, ...infos, r.value].join('|'));
  }
  finish(): void {}
}

interface Outcome {
  findings: Finding[];
  keys: string[];
  rows: number;
  /** Records the plain path took. */
  taken: number;
}

/**
 * Checks records as run-state does: the plain path first when `isPlain`, else (or when it
 * declines) the full checks on the split fields. Each record sits inside other text, as in a
 * reader's buffer, so its bounds are tested too. `window`: the real SeriesWindow instead of a log.
 */
function check(
  header: string,
  records: string[],
  options: RowCheckOptions,
  isPlain: boolean,
  window = false,
  delimiter = ',',
): Outcome {
  const stored: Finding[] = [];
  const findings = new FindingCollector({ write: (f) => stored.push(f) });
  const parsed = readHeader(header.split(','), findings);
  const log = new KeyLog();
  const validator = new RowValidator(cat, findings, parsed, options, window ? undefined : log);
  let taken = 0;
  records.forEach((record, i) => {
    const line = i + 2;
    const before = `XX${delimiter}FX:1${delimiter}`;
    const input = `${before}${record}\nPHL${delimiter}FX:1${delimiter}MNA`;
    findings.beginRow();
    if (isPlain && validator.validatePlain(input, before.length, before.length + record.length, line, delimiter)) {
      taken++;
      return;
    }
    const fields = record.split(delimiter);
    if (fields.length === parsed.names.length && fields.some((f) => f.trim() !== '')) validator.validate(fields, line);
  });
  validator.finish();
  return { findings: stored, keys: log.rows, rows: validator.rows, taken };
}

/** A small deterministic generator (LCG), so a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
}

const codes = [...cat.codes.keys()];
const pools: Record<string, string[]> = {
  ref_area: ['PHL', 'PHL', 'THA', 'MMR', 'XKX', 'XXX', '', 'phl', ' PHL', '-PHL'],
  source: ['FX:1234', 'FX:1234', 'BA:448', 'FX:HUB-12', 'ZZ:1', 'FX:', '', '=FX:1', 'FX:1234 '],
  indicator: [
    'MNA_OEMP_SEX_CDS_NB',
    'MNA_OEMP_SEX_CDS_NB',
    'MNA_OEMP_SEX_ECO_NB',
    'MST_TEMP_SEX_AGE_CBR_RT',
    'MST_FORP_SEX_CBR_NB',
    'MST_EARA_SEX_CBR_NB',
    'HUB_SDG_1071_CORRIDOR_RT',
    'MNA_OEMP_SEX_XXX_NB',
    '',
  ],
  sex: ['SEX_T', 'SEX_M', 'SEX_F', 'SEX_O', '', 'SEX_Q', 'AGE_AGGREGATE_TOTAL', '@SEX'],
  classif1: [
    'CDS_DES_TOTAL',
    'CDS_DES_SAU',
    'CDS_DES_X',
    'ECO_SECTOR_AGR',
    'ECO_SECTOR_TOTAL',
    'CBR_BRT_PHL',
    'CBR_BRT_JPN',
    'AGE_AGGREGATE_TOTAL',
    'CCT_CTZ_PHL',
    'OCU_PHL-PSOC_1',
    'CDS_PHL-NAT_A',
    'CDS_DES_NOPE',
    '',
  ],
  classif2: ['', '', '', 'CDS_DES_SAU', 'CBR_BIR_TOTAL', 'CCT_CIT_TOTAL', 'XYZ'],
  time: ['2024', '2024', '2023', '2024Q2', '2024M03', '2024M13', '1949', '2101', '24', '', '2024 '],
  obs_value: [
    '1827.799',
    '0',
    '00.5',
    '12',
    '1.2345',
    '1,5',
    '1.234.567',
    '-5',
    '',
    '1e5',
    '.5',
    '5.',
    '123456789012345678',
    '999999999999999',
    '+3',
    ' 12',
    '12 ',
    '0.0001',
    '101',
    '0.5',
  ],
  obs_status: ['', '', '', 'B', 'M', 'Q', 'U', 'Z', 'b'],
  note_classif: ['', '', 'CLS:1', 'COV:3', 'XX:9', ' CLS:2', '-CLS:1'],
  note_indicator: ['', '', 'DEF:1', 'DEF:1_CUR:2', 'DEF:1_COV:3', 'DEF:'],
  note_source: ['', '', 'COV:3', 'COV:3_GEO:1', 'COV:3_', 'REF:1 ', 'DEF:2'],
  comment: ['', '', 'census round', 'ภาษาไทย', 'ພາສາລາວ', 'ភាសាខ្មែរ', 'မြန်မာ', '=SUM(A1)', '@x', 'a'.repeat(40_000)],
};

function randomRecords(names: string[], count: number, pick: (n: number) => number, delimiter: string): string[] {
  const records: string[] = [];
  for (let i = 0; i < count; i++) {
    const cells = names.map((name) => {
      const pool = pools[name] ?? ['', 'label text', 'x'];
      // Mostly the first (valid) values, so rows the plain path takes are common, and repeat.
      return pool[pick(10) === 0 ? pick(pool.length) : pick(Math.min(2, pool.length))] as string;
    });
    if (pick(50) === 0) cells.push('extra');
    if (pick(50) === 0) cells.pop();
    if (pick(100) === 0) cells.fill('');
    if (pick(10) === 0) cells[names.indexOf('classif1')] = codes[pick(codes.length)] as string;
    records.push(cells.join(delimiter));
  }
  return records;
}

const headers = [
  HEADER,
  'indicator,ref_area,time,sex,classif1,obs_value,source',
  'ref_area,indicator,sex,classif1,classif2,time,obs_value,obs_status,note_source',
  `${HEADER},extra_column,ref_area.label`,
  'ref_area,source,indicator,sex,classif1,time,obs_value,comment,comment',
];
const optionSets: RowCheckOptions[] = [
  {},
  { country: 'PHL' },
  { country: 'PHL', hasDatabaseChecks: true },
  { source: 'FX:77', unitMultiplier: 0 },
  { source: 'nope' },
  { nationalSchemes: new Map([['CDS_PHL-NAT', new Set(['CDS_PHL-NAT_A'])]]) },
];

describe('PlainRowCheck', () => {
  it('gives exactly the findings and keys of the full checks, and takes most valid rows', () => {
    let taken = 0;
    let total = 0;
    // With `;` and tabs, "1,5" and "1.234.567" are one cell each (errors); with commas, ragged rows.
    for (const delimiter of [',', ';', '\t']) {
      headers.forEach((header, h) => {
        optionSets.forEach((options, o) => {
          const pick = random(1 + h * 31 + o + delimiter.charCodeAt(0) * 1009);
          const records = randomRecords(header.split(','), 400, pick, delimiter);
          const full = check(header, records, options, false, false, delimiter);
          const plain = check(header, records, options, true, false, delimiter);
          const label = { header, options, delimiter };
          expect({ ...label, ...plain, taken: 0 }).toEqual({ ...label, ...full, taken: 0 });
          const windowed = check(header, records, options, true, true, delimiter);
          expect(windowed.findings).toEqual(check(header, records, options, false, true, delimiter).findings);
          taken += plain.taken;
          total += records.length;
        });
      });
    }
    // The comparison means something only if the plain path took a good share of the rows.
    expect(taken / total).toBeGreaterThan(0.25);
  });

  it('takes every row that raises nothing, and none that raises something', () => {
    const records = [
      'PHL,FX:1234,MNA_OEMP_SEX_CDS_NB,SEX_T,CDS_DES_TOTAL,,2024,1827.799,,,,,',
      'PHL,FX:1234,MNA_OEMP_SEX_CDS_NB,SEX_M,CDS_DES_TOTAL,,2024,900,B,,DEF:1,COV:3_GEO:1,ພາສາລາວ',
      'PHL,FX:1234,MNA_OEMP_SEX_CDS_NB,SEX_F,CDS_DES_TOTAL,,2024,927.799,,,,,ภาษาไทย',
      'PHL,FX:1234,MNA_OEMP_SEX_CDS_NB,SEX_F,CDS_DES_TOTAL,,2024,927.799,,,,,',
      'PHL,FX:1234,MNA_OEMP_SEX_CDS_NB,SEX_F,CDS_DES_SAU,,2024,1.2345,,,,,',
      'PHL,FX:1234,MNA_OEMP_SEX_CDS_NB,SEX_F,CDS_DES_JPN,,2024,5,,,,,မြန်မာ',
    ];
    const plain = check(HEADER, records, {}, true, true);
    // The duplicate (line 5) is found by the window, for a row the plain path took; the sum of
    // destinations for women cannot be checked since line 6's value is not usable.
    expect(plain.taken).toBe(4);
    expect(plain.findings.map((f) => `${f.code}@${f.line}`)).toEqual([
      'DUPLICATE_KEY@5',
      'TOO_MANY_DECIMALS@6',
      'SUM_NOT_CHECKED@4',
    ]);
  });
});
