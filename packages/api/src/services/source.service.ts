import { insertSource } from '@ilms/db';
import type { SourceRegistryEntry } from '@ilms/domain';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';

/** Adds a source to a country's registry; submissions name it in their `source` column. */
export async function registerSource({ db }: Pick<Context, 'db'>, entry: SourceRegistryEntry) {
  const isNew = await insertSource(db, {
    id: entry.id,
    country: entry.country,
    type_prefix: entry.type,
    name: entry.name,
    agency: entry.agency,
    first_year: entry.startYear ?? null,
    last_year: entry.endYear ?? null,
  });
  if (!isNew) {
    throw new DomainError(
      'CONFLICT',
      `Source ${entry.id} is registered already. Choose another id, or use the existing source.`,
    );
  }
  return { id: entry.id };
}
