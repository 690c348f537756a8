import { assertSupportedServer, migrateToLatest } from '@ilms/db';
import { pino } from 'pino';
import { openDatabase } from '../database.js';
import { parseEnv } from '../env.js';

/** `pnpm db:migrate`: the same database the server would use (DATABASE_URL or the embedded one). */
const env = parseEnv(process.env);
const logger = pino({ level: env.LOG_LEVEL });
const database = await openDatabase(env, logger);
try {
  await assertSupportedServer(database.db);
  const applied = await migrateToLatest(database.db);
  process.stdout.write(
    applied.length === 0
      ? 'Database is up to date.\n'
      : `Applied ${applied.length} migration(s):\n${applied.map((r) => `  ${r.migrationName}`).join('\n')}\n`,
  );
} finally {
  await database.close();
}
