import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCaller, createContext, type Principal } from '@ilms/api';
import { findUserByEmail } from '@ilms/db';
import { revisionReasonSchema } from '@ilms/domain';
import { TRPCError } from '@trpc/server';
import { pino } from 'pino';
import { openDatabase } from '../database.js';
import { parseEnv } from '../env.js';

const usage = `usage: pnpm ilms:import <file> --country XXX --as <admin email> [--mode merge|replace|delete] [--dry-run] [--publish [--reason correction|new_source|methodology_change|routine_revision]]

Imports a file in the ILOSTAT layout (.csv, .txt, .csv.gz or .xlsx; checked as by ilms validate)
straight into DATABASE_URL (or the embedded database), as the named administrator: creates the submission, prints its findings and the diff against published data,
then with --publish submits and publishes it, or with --dry-run deletes the draft again. Publishing a
file that changes published values needs --reason (the revision reason stored with the vintage).`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    country: { type: 'string' },
    as: { type: 'string' },
    mode: { type: 'string', default: 'merge' },
    'dry-run': { type: 'boolean', default: false },
    publish: { type: 'boolean', default: false },
    reason: { type: 'string' },
  },
});
const [fileArgument] = positionals;
const { country, as: email, mode } = values;
if (!fileArgument || !country || !email) fail('Name the file, --country and --as.');
if (mode !== 'merge' && mode !== 'replace' && mode !== 'delete')
  fail(`--mode ${mode} is not merge, replace or delete.`);
if (values['dry-run'] && values.publish) fail('Choose --dry-run or --publish, not both.');
const reasonParse = revisionReasonSchema.optional().safeParse(values.reason);
if (!reasonParse.success) fail(`--reason ${values.reason} is not one of ${revisionReasonSchema.options.join(', ')}.`);
const revisionReason = reasonParse.data;
// pnpm runs the script in apps/server; INIT_CWD is where the command was typed.
const filePath = path.resolve(process.env.INIT_CWD ?? process.cwd(), fileArgument);

const env = parseEnv(process.env);
const database = await openDatabase(env, pino({ level: env.LOG_LEVEL }));
try {
  const user = await findUserByEmail(database.db, email.trim().toLowerCase());
  if (!user?.isActive || user.role !== 'admin') fail(`${email} is not an active administrator of this hub.`);
  // The local mode has direct database access; it acts, and is audited, as the named administrator.
  const principal: Principal = { ...user, userId: user.id, countries: [], credential: { kind: 'in_process' } };
  const call = createCaller(
    createContext({ db: database.db, now: () => new Date() }, `cli-${randomUUID()}`, { principal }),
  );

  const { id, isExisting } = await call.submissions.create({ country, mode, filePath });
  const submission = await call.submissions.get({ country, id });
  process.stdout.write(
    `Submission ${id}${isExisting ? ' (this file was imported before)' : ''}: ${submission.status}, ${submission.row_count} rows, ${submission.error_count} errors, ${submission.warning_count} warnings\n`,
  );
  for (const group of submission.findings) {
    process.stdout.write(`  ${group.severity} ${group.code}: ${group.count} (first on line ${group.first_line})\n`);
  }
  const diff = await call.submissions.diff({ country, id });
  for (const c of diff.counts) {
    process.stdout.write(
      `  ${c.indicator}: ${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged, ${c.removed} removed\n`,
    );
  }
  if (values['dry-run'] && !isExisting) await call.submissions.delete({ country, id });
  if (values.publish) {
    if (submission.status !== 'published') {
      if (submission.status !== 'submitted') await call.submissions.submit({ country, id });
      const published = await call.submissions.publish({ country, id, revisionReason });
      process.stdout.write(`Published as vintage ${published.vintageId} (change ${published.seq}).\n`);
    }
  }
  process.exitCode = submission.error_count > 0 ? 1 : 0;
} catch (error) {
  // Refused files, unknown countries, rules broken: the message says what to do, no stack needed.
  if (!(error instanceof TRPCError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
