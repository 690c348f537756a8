import { prepareDatabase } from '@ilms/db';
import { pino } from 'pino';
import { openDatabase } from '../database.js';
import { parseEnv } from '../env.js';

/** `pnpm db:migrate`: the same database the server would use (DATABASE_URL or the embedded one). */
const env = parseEnv(process.env);
const logger = pino({ level: env.LOG_LEVEL });
const database = await openDatabase(env, logger);
try {
  const { migrationsApplied, seed } = await prepareDatabase(database.db);
  process.stdout.write(
    migrationsApplied.length === 0
      ? 'Database schema is up to date.\n'
      : `Applied ${migrationsApplied.length} migration(s):\n${migrationsApplied.map((name) => `  ${name}`).join('\n')}\n`,
  );
  process.stdout.write(`Catalogue: ${seed.written} row(s) written, ${seed.removed} removed.\n`);
} finally {
  await database.close();
}
