import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CompiledQuery } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../create-db.js';

/**
 * Streams COPY … FROM STDIN text through the connection of `db`, which must be a transaction so
 * the rows land in it (and vanish with it). Kysely hands its SQL string to `pg`'s `query`
 * unchanged, and `pg` runs any object with a `submit` method as a query (its "Submittable"
 * interface), so the copy stream rides the transaction's own connection without reaching
 * into the pool.
 */
export async function copyText(db: Db, statement: string, chunks: AsyncIterable<string | Buffer>): Promise<number> {
  if (!db.isTransaction) throw new Error('copyText needs a transaction: COPY must run on the connection it holds');
  const stream = copyFrom(statement);
  await db.executeQuery(CompiledQuery.raw(stream as unknown as string));
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
  return stream.rowCount;
}

/** A field of COPY's text format: backslash escapes, `\N` for null. */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A text[] literal with every element quoted, ready for copyField. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** Joins rows into chunks of about `size` characters, so COPY gets few large writes. */
export async function* batchLines(lines: AsyncIterable<string>, size = 256 * 1024): AsyncGenerator<string> {
  let batch = '';
  for await (const line of lines) {
    batch += line;
    if (batch.length >= size) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}
