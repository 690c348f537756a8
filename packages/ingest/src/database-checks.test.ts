import { describe, expect, it } from 'vitest';
import { csv, row, tempDir, writeFixture } from './testing/fixtures.js';
import { type ValidateFileOptions, validateFile } from './validate-file.js';

const dir = tempDir();
let n = 0;

/** A file with one finding of each check the server runs in SQL, and one it does not. */
const content = csv([
  row({ value: '10' }),
  row({ value: '10' }),
  row({ area: 'THA', sex: 'SEX_M', value: '4' }),
  row({ source: 'ZZ-1', sex: 'SEX_F', value: '6' }),
  row({ source: '', time: '2023', value: '' }),
]);

async function codesOf(options: ValidateFileOptions) {
  const result = await validateFile(writeFixture(dir, `${n++}.csv`, content), { country: 'PHL', ...options });
  return (result.findings ?? []).map((f) => `${f.code}@${f.line}`);
}

describe('hasDatabaseChecks', () => {
  it('leaves duplicate keys, other countries and unknown sources to the database, and reports the rest', async () => {
    expect(await codesOf({})).toEqual([
      'DUPLICATE_KEY@3',
      'WRONG_COUNTRY@4',
      'UNKNOWN_SOURCE@5',
      'MISSING_SOURCE@6',
      'EMPTY_VALUE_WITHOUT_STATUS@6',
    ]);
    expect(await codesOf({ hasDatabaseChecks: true })).toEqual(['MISSING_SOURCE@6', 'EMPTY_VALUE_WITHOUT_STATUS@6']);
  });
});
