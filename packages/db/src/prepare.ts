import { sql } from 'kysely';
import { type SeedResult, seedCatalogue } from './catalogue/seed-catalogue.js';
import type { Db } from './create-db.js';
import { migrateToLatest } from './migrate.js';
import { assertSupportedServer, type ServerVersion } from './server-version.js';

export interface PreparedDatabase {
  version: ServerVersion;
  migrationsApplied: string[];
  seed: SeedResult;
}

/** What every start does before serving: refuse old servers, migrate, seed the catalogue. */
export async function prepareDatabase(db: Db): Promise<PreparedDatabase> {
  const version = await assertSupportedServer(db);
  const applied = await migrateToLatest(db);
  const seed = await seedCatalogue(db);
  // Fresh catalogue tables have no statistics until autovacuum gets to them; without them the
  // planner takes a join to `indicator` for one row and nests loops over a million staged rows.
  if (seed.written > 0 || applied.length > 0) await sql`analyze`.execute(db);
  return { version, migrationsApplied: applied.map((r) => r.migrationName), seed };
}
