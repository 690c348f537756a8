import { createReadStream } from 'node:fs';
import type { StagedObservation } from '@ilms/db';
import { parse } from 'csv-parse';
import type { ImportReader } from './import-reader.js';

type Record = { [column: string]: string | undefined };

const blankToNull = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : value.trim());
const notes = (value: string | undefined) => blankToNull(value)?.split('_') ?? [];

function toObservation(record: Record, line: number): StagedObservation {
  return {
    line,
    refArea: record.ref_area ?? '',
    indicator: record.indicator ?? '',
    source: record.source ?? '',
    sex: blankToNull(record.sex),
    classif1: blankToNull(record.classif1),
    classif2: blankToNull(record.classif2),
    time: record.time ?? '',
    value: blankToNull(record.obs_value),
    obsStatus: blankToNull(record.obs_status),
    noteClassif: notes(record.note_classif),
    noteIndicator: notes(record.note_indicator),
    noteSource: notes(record.note_source),
    comment: blankToNull(record.comment),
  };
}

async function* readRows(filePath: string): AsyncGenerator<StagedObservation> {
  const parser = createReadStream(filePath).pipe(parse({ columns: true, bom: true, info: true }));
  for await (const { record, info } of parser as AsyncIterable<{ record: Record; info: { lines: number } }>) {
    yield toObservation(record, info.lines);
  }
}

/**
 * Reads a clean ILOSTAT-layout CSV (header names as in the bulk files, values already in the
 * indicator's unit, notes joined with `_`) without validating it: for tests, the benchmark and
 * the CLI's local mode until the validator hands its rows over. It reports no findings.
 */
export const readIlostatCsv: ImportReader = (filePath) => ({ rows: readRows(filePath), findings: () => [] });
