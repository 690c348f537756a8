import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from './findings/collector.js';
import { csv, row, tempDir, writeFixture } from './testing/fixtures.js';
import { validateFile } from './validate-file.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validateFile with onFinding', () => {
  it('hands every finding to the sink, late ones included, and keeps no array', async () => {
    const sau = { source: 'BA:1', classif1: 'CDS_DES_SAU' };
    const file = writeFixture(
      dir,
      'sums.csv',
      csv([
        row({ ...sau, sex: 'SEX_T', time: '2020', value: '10' }),
        row({ ...sau, sex: 'SEX_M', time: '2020', value: '4' }),
        row({ ...sau, sex: 'SEX_F', time: '2020', value: '4' }),
        row({ ...sau, sex: 'SEX_M', time: '2021', value: '"1,5"' }),
      ]),
    );
    const expected = await validateFile(file, { country: 'PHL' });
    const seen: Finding[] = [];
    const result = await validateFile(file, { country: 'PHL', onFinding: (f) => seen.push(f) });
    expect(result.findings).toBeUndefined();
    expect(seen).toEqual(expected.findings);
    expect(seen.some((f) => f.code === 'SUM_MISMATCH')).toBe(true);
    expect(result.total).toBe(expected.total);
  });
});
