import { closeSync, readSync, writeSync } from 'node:fs';
import type { FindingCode, FindingParams } from '../findings/catalogue.js';

/**
 * What the second thread hands the first, in file order: each keyed row as eight 32-bit words
 * (written to a temporary file, so memory stays flat however long the part), and the rarer
 * findings and first-seen sources as items posted alongside, each marked by an ITEM word in its
 * place. Rows cross threads as numbers only: a structured clone of parsed rows cost as much as
 * parsing them.
 */
export type PartItem = { kind: 'finding'; code: FindingCode; params: FindingParams } | { kind: 'source'; text: string };

export const TRACK = 1;
export const ITEM = 2;
/** Words per record: tag, line, area-time, source | indicator << 16, c0 | c1 << 16, c2, value (2). */
export const WORDS = 8;
const RECORDS = 1 << 15;
/**
 * Records written at a time: the first thread replays a part while it is being checked, so
 * smaller writes let it start sooner (about 8,000 rows, a quarter of a megabyte).
 */
const WRITE_RECORDS = 1 << 13;

/** One reusable megabyte of records, seen as words and as the values' doubles. */
export class RecordBuffer {
  readonly bytes = Buffer.from(new ArrayBuffer(RECORDS * WORDS * 4));
  readonly words = new Uint32Array(this.bytes.buffer);
  readonly values = new Float64Array(this.bytes.buffer);
  count = 0;
}

export class PartLogWriter {
  private readonly buffer = new RecordBuffer();
  private items: PartItem[] = [];
  itemCount = 0;
  /** Records in the file so far. */
  private written = 0;

  constructor(
    private readonly fd: number,
    private readonly send: (items: PartItem[]) => void,
    /** Told the records in the file after each write, once the items they mark are sent. */
    private readonly onWritten: (records: number) => void = () => {},
  ) {}

  track(line: number, at: number, sourceIndicator: number, c01: number, c2: number, value: number) {
    const b = this.buffer;
    const w = b.count * WORDS;
    b.words[w] = TRACK;
    b.words[w + 1] = line;
    b.words[w + 2] = at;
    b.words[w + 3] = sourceIndicator;
    b.words[w + 4] = c01;
    b.words[w + 5] = c2;
    b.values[b.count * (WORDS / 2) + 3] = value;
    if (++b.count === WRITE_RECORDS) this.flush();
  }

  item(item: PartItem): void {
    this.items.push(item);
    this.itemCount++;
    const b = this.buffer;
    b.words[b.count * WORDS] = ITEM;
    if (++b.count === WRITE_RECORDS) this.flush();
    if (this.items.length >= 1024) this.sendItems();
  }

  /** Writes the records so far and posts the items so far. */
  flush(): void {
    const b = this.buffer;
    const count = b.count;
    if (count > 0) writeSync(this.fd, b.bytes, 0, count * WORDS * 4);
    b.count = 0;
    this.sendItems();
    this.written += count;
    if (count > 0) this.onWritten(this.written);
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private sendItems(): void {
    if (this.items.length === 0) return;
    this.send(this.items);
    this.items = [];
  }
}

/** Reads the next records back, at most `max` and a megabyte at a time; `count` is 0 at the end. */
export function readRecords(fd: number, buffer: RecordBuffer, max = RECORDS): number {
  const wanted = Math.min(max, RECORDS) * WORDS * 4;
  let length = 0;
  while (length < wanted) {
    const read = readSync(fd, buffer.bytes, length, wanted - length, null);
    if (read === 0) break;
    length += read;
  }
  buffer.count = Math.floor(length / (WORDS * 4));
  return buffer.count;
}
