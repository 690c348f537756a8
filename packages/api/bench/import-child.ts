import { createReadStream } from 'node:fs';
import { createCaller, createContext, type Principal } from '@ilms/api';
import { copyText, createDb, findUserByEmail, inTransaction } from '@ilms/db';

/** One measurement in a process of its own, so its peak RSS is its own: `floor` or `import`. */
const [what, file, url, country] = process.argv.slice(2) as [string, string, string, string];
const db = createDb({ connectionString: url, maxConnections: 2 });
const seconds = (started: number) => (performance.now() - started) / 1000;
const phases: Record<string, number> = {};

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
