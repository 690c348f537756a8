import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '@ilms/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { readWithValidator } from './validator.reader.js';

const dir = mkdtempSync(join(tmpdir(), 'ilms-reader-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spills = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`ilms-tmp-findings-${process.pid}-`));

describe('readWithValidator', () => {
  it('streams many findings through a temporary file and gives every one back with its line', async () => {
    const rows = 20_000;
    const lines = [
      'ref_area,source,indicator,sex,classif1,classif2,time,obs_value,obs_status,note_classif,note_indicator,note_source',
    ];
    for (let i = 0; i < rows; i++) lines.push(`PHL,BA:1,MNA_OEMP_SEX_CDS_NB,SEX_M,CDS_DES_SAU,,${1000 + i},"1,5",,,,`);
    const file = join(dir, 'many.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const parsed = readWithValidator(file, { country: 'PHL', nationalSchemes: new Map() });
    for await (const _ of parsed.rows);
    expect(parsed.refusal()).toBeUndefined();
    expect(spills()).toHaveLength(1);
    const found: Finding[] = [];
    for await (const f of parsed.findings()) found.push(f);
    const bad = found.filter((f) => f.value === '1,5');
    expect(bad).toHaveLength(rows);
    expect(new Set(bad.map((f) => f.code)).size).toBe(1);
    expect(bad.map((f) => f.line)).toEqual(Array.from({ length: rows }, (_, i) => i + 2));
    expect(spills()).toHaveLength(0);
  });
});
