import { readDatabaseStatus } from '@ilms/db';
import type { Context } from '../context.js';

export interface Health {
  status: 'ok' | 'degraded';
  checkedAt: string;
  database: Awaited<ReturnType<typeof readDatabaseStatus>>;
}

export async function checkHealth({ db, now }: Pick<Context, 'db' | 'now'>): Promise<Health> {
  const database = await readDatabaseStatus(db);
  return { status: database.isUp ? 'ok' : 'degraded', checkedAt: now().toISOString(), database };
}
