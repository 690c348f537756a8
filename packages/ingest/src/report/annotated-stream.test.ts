import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csv, HEADER, row, tempDir, writeFixture } from '../testing/fixtures.js';
import { validateFile } from '../validate-file.js';
import { type LineAnnotation, streamAnnotatedCopy } from './annotated-stream.js';

const dir = tempDir();
let n = 0;

/** The bytes in pieces of `size`, as the hub reads a stored file back a chunk at a time. */
async function* inPieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function* inOrder(annotations: LineAnnotation[]): AsyncGenerator<LineAnnotation> {
  yield* annotations;
}

async function collect(pieces: AsyncIterable<string>): Promise<Buffer> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return Buffer.from(text, 'utf8');
}

/**
 * The copy `ilms validate` writes and the copy made from the file's bytes and the findings it
 * reported (in line order, as the hub stores them), read in pieces of `pieceSize` bytes.
 */
async function bothCopies(name: string, content: Buffer, pieceSize = 1 << 20) {
  const path = writeFixture(dir, `${n++}-${name}`, content);
  const result = await validateFile(path, { outDir: join(dir, `${n}-out`) });
  const reports = result.reports;
  if (!reports) throw new Error('validateFile wrote no reports');
  const { findings } = JSON.parse(readFileSync(reports.json, 'utf8')) as { findings: LineAnnotation[] };
  const annotations = findings.toSorted((a, b) => a.line - b.line);
  const streamed = await collect(streamAnnotatedCopy(inPieces(content, pieceSize), inOrder(annotations)));
  return { written: readFileSync(reports.annotated), streamed, findings };
}

const lao = 'ສະຖິຕິແຮງງານ ຂອງ ສປປ ລາວ';
const khmer = 'ស្ថិតិការងារ';
const thai = 'สถิติแรงงาน';

describe('the annotated copy made from stored bytes', () => {
  it('equals the one `ilms validate` writes, with a quoted line break before an error', async () => {
    const content = csv([
      row({ comment: '"first line\nsecond line"' }),
      row({ time: '2023', value: '"1,5"' }),
      row({ time: '2022', comment: lao }),
      row({ time: '2021', sex: 'SEX_Q', value: 'x' }),
    ]);
    const { written, streamed, findings } = await bothCopies('newline.csv', Buffer.from(content));
    expect(findings.map((f) => `${f.code}@${f.line}`)).toEqual(['DECIMAL_COMMA@4', 'UNKNOWN_CODE@6', 'NOT_A_NUMBER@6']);
    expect(streamed.toString('utf8')).toBe(written.toString('utf8'));
    const lines = streamed.toString('utf8').split('\n');
    expect(lines[0]).toBe(`${HEADER},_finding_code,_finding_message`);
    expect(
      lines[5]?.startsWith(`${row({ time: '2021', sex: 'SEX_Q', value: 'x' })},UNKNOWN_CODE; NOT_A_NUMBER,"`),
    ).toBe(true);
    expect(lines[5]).toContain(' | ');
  });

  it('joins the dataset findings known only after their rows, as the validator merges them', async () => {
    const eco = (code: string, value: string) =>
      row({ indicator: 'MNA_OEMP_SEX_ECO_NB', classif1: `ECO_SECTOR_${code}`, value });
    const content = csv([eco('TOTAL', '10'), eco('AGR', 'x'), eco('IND', '3'), eco('SER', '4'), eco('X', '2')]);
    const { written, streamed } = await bothCopies('late.csv', Buffer.from(`\n\n${content}`));
    expect(streamed.toString('utf8').split('\n')[3]).toContain(',SUM_NOT_CHECKED,Line 4: ');
    expect(streamed.toString('utf8')).toBe(written.toString('utf8'));
  });

  it('keeps CRLF, semicolons and a UTF-8 byte-order mark, read in small pieces', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) =>
      row({
        time: String(1000 + i),
        value: i % 97 === 0 ? 'x' : '1',
        comment: i % 13 === 0 ? `"${khmer}\r\n${i}"` : '',
      }),
    );
    const content = `\uFEFF${csv(rows, '\r\n').replaceAll(',', ';')}`;
    const { written, streamed, findings } = await bothCopies('crlf.csv', Buffer.from(content), 4099);
    expect(findings.length).toBeGreaterThan(30);
    expect(streamed.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(streamed.toString('utf8')).toBe(written.toString('utf8'));
  });

  it('writes UTF-16 tab-separated text as UTF-8, the Lao, Khmer and Thai text intact', async () => {
    const text = csv([
      row({ comment: lao }),
      row({ time: '2023', comment: khmer, value: 'x' }),
      row({ comment: thai }),
    ]);
    const content = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replaceAll(',', '\t'), 'utf16le')]);
    const { written, streamed } = await bothCopies('unicode.txt', content);
    expect(streamed.toString('utf8')).toBe(written.toString('utf8'));
    for (const t of [lao, khmer, thai]) expect(streamed.includes(Buffer.from(t, 'utf8'))).toBe(true);
    expect(streamed.toString('utf8').split('\n')[2]).toMatch(/\tNOT_A_NUMBER\t/);
  });

  it('reads a .csv.gz', async () => {
    const content = gzipSync(csv([row(), row({ time: '2023', value: '"1,5"' })]));
    const { written, streamed } = await bothCopies('packed.csv.gz', content, 10);
    expect(streamed.toString('utf8')).toContain('DECIMAL_COMMA');
    expect(streamed.toString('utf8')).toBe(written.toString('utf8'));
  });

  it('writes an .xlsx sheet as CSV with its rows as lines', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(row({ comment: lao }).split(','));
    sheet.addRow([...row({ time: '2023', value: 'x' }).split(',').slice(0, -1), 'a "quoted", cell']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const { written, streamed } = await bothCopies('sheet.xlsx', content, 1000);
    expect(streamed.toString('utf8').split('\n')[2]).toMatch(/,"a ""quoted"", cell",NOT_A_NUMBER,"Line 3:/);
    expect(streamed.toString('utf8')).toBe(written.toString('utf8'));
  });

  it('gives nothing for an empty file and passes over findings on lines no record starts on', async () => {
    expect(await collect(streamAnnotatedCopy(inPieces(Buffer.alloc(0), 10), inOrder([])))).toEqual(Buffer.alloc(0));
    const quoted = row({ comment: '"a\nb"' });
    const content = `${HEADER}\n${quoted}\n${row({ time: '2023' })}\n`;
    const annotations = [
      { line: 1, code: 'MISSING_COLUMN', message: 'about the header' },
      { line: 3, code: 'INSIDE', message: 'inside the quoted field' },
      { line: 4, code: 'DUPLICATE_KEY', message: 'Line 4 repeats' },
      { line: 99, code: 'PAST_THE_END', message: 'no such line' },
    ];
    const copy = await collect(streamAnnotatedCopy(inPieces(Buffer.from(content), 7), inOrder(annotations)));
    expect(copy.toString('utf8')).toBe(
      `${HEADER},_finding_code,_finding_message\n${quoted},,\n${row({ time: '2023' })},DUPLICATE_KEY,Line 4 repeats\n`,
    );
  });
});
