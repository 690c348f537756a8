import type { Insertable } from 'kysely';
import type { Db } from '../create-db.js';
import type { ClassificationCodeTable, CodeHierarchyTable, CodeLabelTable } from './catalogue.schema.js';

export interface NationalSchemeRows {
  scheme: {
    id: string;
    dimension: string;
    label: string;
    country: string;
    version: string;
    valid_from: string | null;
    valid_to: string | null;
  };
  codes: Insertable<ClassificationCodeTable>[];
  labels: Insertable<CodeLabelTable>[];
  hierarchy: Insertable<CodeHierarchyTable>[];
}

export async function schemeExists(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('classification_scheme').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** Inserts a national classification; call it inside the caller's transaction so it lands whole or not at all. */
export async function insertNationalScheme(trx: Db, rows: NationalSchemeRows): Promise<void> {
  await trx
    .insertInto('classification_scheme')
    .values({ ...rows.scheme, kind: 'national', total_code: rows.codes.find((c) => c.is_total)?.code ?? null })
    .execute();
  await trx.insertInto('classification_code').values(rows.codes).execute();
  if (rows.labels.length > 0) await trx.insertInto('code_label').values(rows.labels).execute();
  if (rows.hierarchy.length > 0) await trx.insertInto('code_hierarchy').values(rows.hierarchy).execute();
}

/** A country's national classifications as scheme id → full codes (`OCU_LAO-LSCO2019_1`), for validating its files. */
export async function listNationalCodes(db: Db, country: string): Promise<Map<string, Set<string>>> {
  const rows = await db
    .selectFrom('classification_code as c')
    .innerJoin('classification_scheme as s', 's.id', 'c.scheme_id')
    .select(['c.scheme_id', 'c.code'])
    .where('s.kind', '=', 'national')
    .where('s.country', '=', country)
    .execute();
  const schemes = new Map<string, Set<string>>();
  for (const { scheme_id, code } of rows) {
    const codes = schemes.get(scheme_id) ?? new Set<string>();
    codes.add(code);
    schemes.set(scheme_id, codes);
  }
  return schemes;
}
