import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from './findings/collector.js';
import { validateFile } from './validate-file.js';

const dir = mkdtempSync(join(tmpdir(), 'ilms-sink-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  'ref_area,source,indicator,sex,classif1,classif2,time,obs_value,obs_status,note_classif,note_indicator,note_source';

describe('validateFile with onFinding', () => {
  it('hands every finding to the sink, late ones included, and keeps no array', async () => {
    const file = join(dir, 'sums.csv');
    const rows = [
      'PHL,BA:1,MNA_OEMP_SEX_CDS_NB,SEX_T,CDS_DES_SAU,,2020,10,,,,',
      'PHL,BA:1,MNA_OEMP_SEX_CDS_NB,SEX_M,CDS_DES_SAU,,2020,4,,,,',
      'PHL,BA:1,MNA_OEMP_SEX_CDS_NB,SEX_F,CDS_DES_SAU,,2020,4,,,,',
      'PHL,BA:1,MNA_OEMP_SEX_CDS_NB,SEX_M,CDS_DES_SAU,,2021,"1,5",,,,',
    ];
    writeFileSync(file, `${[HEADER, ...rows].join('\n')}\n`);
    const expected = await validateFile(file, { country: 'PHL' });
    const seen: Finding[] = [];
    const result = await validateFile(file, { country: 'PHL', onFinding: (f) => seen.push(f) });
    expect(result.findings).toBeUndefined();
    expect(seen).toEqual(expected.findings);
    expect(seen.some((f) => f.code === 'SUM_MISMATCH')).toBe(true);
    expect(result.total).toBe(expected.total);
  });
});
