import { createReadStream } from 'node:fs';
import { createCaller, createContext, type Principal } from '@ilms/api';
import { copyText, createDb, findUserByEmail, inTransaction } from '@ilms/db';
import { sql } from 'kysely';

/** One measurement in a process of its own, so its peak RSS is its own: `floor`, `store-floor` or `import`. */
const [what, file, url, country] = process.argv.slice(2) as [string, string, string, string];
const db = createDb({ connectionString: url, maxConnections: 2 });
const seconds = (started: number) => (performance.now() - started) / 1000;
const phases: Record<string, number> = {};
/** Ends the store floor's transaction without keeping anything. */
class RolledBack extends Error {}

async function timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  phases[phase] = seconds(started);
  return result;
}

try {
  if (what === 'floor') {
    await timed('copy', () =>
      inTransaction(db, (trx) =>
        copyText(trx, 'copy bench_copy from stdin (format csv, header true)', createReadStream(file)),
      ),
    );
  } else if (what === 'store-floor') {
    // What any import into this data model must at least do, with no checks at all: each row
    // written twice, typed into a logged table, then into a table keyed and indexed like
    // `observation` (primary key and current-version index), in key order. Rolled back.
    await inTransaction(db, async (trx) => {
      await sql`create table bench_floor_stage (ref_area text, source text, indicator text, sex text, classif1 text,
        classif2 text, time text, obs_value numeric, obs_status text, note_classif text, note_indicator text,
        note_source text, comment text)`.execute(trx);
      await sql`create table bench_floor_store (like observation including defaults including constraints including indexes)`.execute(
        trx,
      );
      await timed('copy', () =>
        copyText(trx, 'copy bench_floor_stage from stdin (format csv, header true)', createReadStream(file)),
      );
      await timed('insert', () =>
        sql`insert into bench_floor_store (series_id, time, value, obs_status, note_classif, note_indicator, note_source,
            comment, is_tombstone, valid_from_seq, vintage_id, submission_id, file_line)
          select hashtextextended(concat_ws('|', ref_area, indicator, source, sex, classif1, classif2), 0), time, obs_value,
            nullif(obs_status, ''), '{}', '{}', '{}', comment, false, 1, 1, 1, null
          from bench_floor_stage order by 1, 2`.execute(trx),
      );
      throw new RolledBack();
    }).catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  } else {
    const user = await findUserByEmail(db, 'bench@ilms.local');
    if (!user) throw new Error('the bench administrator is missing');
    const principal: Principal = { ...user, userId: user.id, countries: [], credential: { kind: 'in_process' } };
    const call = createCaller(createContext({ db, now: () => new Date() }, 'bench', { principal }));
    const { id } = await timed('stage', () => call.submissions.create({ country, filePath: file }));
    await timed('diff', () => call.submissions.diff({ country, id }));
    await timed('submit', () => call.submissions.submit({ country, id }));
    await timed('publish', () => call.submissions.publish({ country, id, revisionReason: 'routine_revision' }));
  }
  process.stdout.write(JSON.stringify({ phases, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
} finally {
  await db.destroy();
}
