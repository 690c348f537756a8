import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileMigrationProvider, type MigrationResult, Migrator } from 'kysely/migration';
import type { Db } from './create-db.js';

/** Beside this module: `src/migrations` when run from source, `dist/migrations` when built. */
export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(
    message: string,
    readonly results: readonly MigrationResult[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

function createMigrator(db: Db): Migrator {
  return new Migrator({
    // Kysely<any>: migrations are frozen in time and never see today's schema types.
    db,
    provider: new FileMigrationProvider({
      fs,
      path,
      migrationFolder: MIGRATIONS_FOLDER,
      // A dynamic import written here (not inside kysely) so test runners can load .ts.
      import: (file) => import(pathToFileURL(file).href),
    }),
  });
}

/** Applies every pending migration; throws a MigrationError naming the one that failed. */
export async function migrateToLatest(db: Db): Promise<MigrationResult[]> {
  const { error, results = [] } = await createMigrator(db).migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    const cause = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      failed ? `Migration ${failed.migrationName} failed: ${cause}` : `Migrations could not run: ${cause}`,
      results,
      { cause: error },
    );
  }
  return results;
}
