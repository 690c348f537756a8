import { once } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CompiledQuery } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../create-db.js';

/**
 * Opens COPY … FROM STDIN on the connection of `db`, which must be a transaction so the rows
 * land in it (and vanish with it). Kysely hands its SQL string to `pg`'s `query` unchanged, and
 * `pg` runs any object with a `submit` method as a query (its "Submittable" interface), so the
 * copy stream rides the transaction's own connection without reaching into the pool.
 */
async function startCopy(db: Db, statement: string) {
  if (!db.isTransaction) {
    throw new Error(
      `${statement}: COPY needs a transaction; call it inside inTransaction so it runs on that connection`,
    );
  }
  const stream = copyFrom(statement);
  await db.executeQuery(CompiledQuery.raw(stream as unknown as string));
  return stream;
}

/** Streams COPY … FROM STDIN text, chunk by chunk, into the transaction `db`; returns the rows copied. */
export async function copyText(db: Db, statement: string, chunks: AsyncIterable<string | Buffer>): Promise<number> {
  const stream = await startCopy(db, statement);
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
  return stream.rowCount;
}

/**
 * Like `copyText`, for a producer that writes its own chunks: `write` returns a promise only when
 * the stream's buffer is full (await it before writing more), so a fast producer neither piles
 * text up in memory nor pays a promise per chunk. A failure of the stream or of `produce` ends
 * the COPY with that error.
 */
export async function copyTextWriter(
  db: Db,
  statement: string,
  produce: (write: (chunk: string) => Promise<void> | undefined) => Promise<void>,
): Promise<number> {
  const stream = await startCopy(db, statement);
  let hasFailed = false;
  const finished = new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve);
    stream.on('error', (error) => {
      hasFailed = true;
      reject(error);
    });
  });
  // Observed at once, so a failure while the producer still runs is not reported as unhandled.
  finished.catch(() => {});
  // Racing `finished` rejects at once when the COPY already failed (the server refused a row):
  // a failed stream never emits `drain`, and the producer must not wait for it forever.
  const write = (chunk: string) =>
    stream.write(chunk) ? undefined : Promise.race([once(stream, 'drain').then(() => undefined), finished]);
  try {
    await produce(write);
  } catch (error) {
    // A COPY the server already failed has no connection left to send CopyFail on.
    if (!hasFailed) stream.destroy(error as Error);
    await finished.catch(() => {});
    throw error;
  }
  stream.end();
  await finished;
  return stream.rowCount;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** A field of COPY's text format: backslash escapes, `\N` for null. */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  // Most fields need no escape: a test is far cheaper than a replace with a callback.
  if (!NEEDS_ESCAPE.test(value)) return value;
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
