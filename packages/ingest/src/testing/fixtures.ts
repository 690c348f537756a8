import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HEADER =
  'ref_area,source,indicator,sex,classif1,classif2,time,obs_value,obs_status,note_classif,note_indicator,note_source,comment';

export interface RowSpec {
  area?: string;
  source?: string;
  indicator?: string;
  sex?: string;
  classif1?: string;
  classif2?: string;
  time?: string;
  value?: string;
  status?: string;
  noteClassif?: string;
  noteIndicator?: string;
  noteSource?: string;
  comment?: string;
}

/** A valid row of MNA_OEMP_SEX_CDS_NB (Philippine outflows for employment) unless overridden. */
export function row(spec: RowSpec = {}): string {
  return [
    spec.area ?? 'PHL',
    spec.source ?? 'FX:1234',
    spec.indicator ?? 'MNA_OEMP_SEX_CDS_NB',
    spec.sex ?? 'SEX_T',
    spec.classif1 ?? 'CDS_DES_TOTAL',
    spec.classif2 ?? '',
    spec.time ?? '2024',
    spec.value ?? '1827.799',
    spec.status ?? '',
    spec.noteClassif ?? '',
    spec.noteIndicator ?? '',
    spec.noteSource ?? '',
    spec.comment ?? '',
  ].join(',');
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ilms-ingest-'));
}

export function writeFixture(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Header plus rows, each ended by a line break (CRLF when asked). */
export function csv(rows: string[], newline = '\n'): string {
  return [HEADER, ...rows].map((r) => r + newline).join('');
}
