import { sql } from 'kysely';
import type { Db } from '../create-db.js';
import { buildCatalogueRows } from './seed-rows.js';
import { upsertRows } from './upsert.js';

export interface SeedResult {
  /** Rows inserted or changed; 0 when the database already held this catalogue. */
  written: number;
  removed: number;
}

/**
 * Writes the catalogue shipped in @ilms/domain into its tables, in one transaction, touching
 * only rows that differ. Codes and indicators are never deleted (published data may refer to
 * them); hierarchy edges and mappings of shipped schemes, dimension slots, identities and the
 * dated membership of shipped groups are replaced, since they are wholly owned by the shipped
 * catalogue. National classifications and the source registry are left alone.
 */
export async function seedCatalogue(db: Db): Promise<SeedResult> {
  const rows = buildCatalogueRows();
  return db.transaction().execute(async (trx) => {
    let written = 0;
    written += await upsertRows(trx, 'classification_scheme', rows.classification_scheme, ['id']);
    written += await upsertRows(trx, 'classification_code', rows.classification_code, ['code']);
    written += await upsertRows(trx, 'code_label', rows.code_label, ['code', 'lang']);
    written += await upsertRows(trx, 'code_hierarchy', rows.code_hierarchy, ['parent_code', 'child_code']);
    written += await upsertRows(trx, 'code_mapping', rows.code_mapping, ['from_code', 'to_code']);
    written += await upsertRows(trx, 'country', rows.country, ['code']);
    written += await upsertRows(trx, 'country_label', rows.country_label, ['country', 'lang']);
    written += await upsertRows(trx, 'region', rows.region, ['code']);
    written += await upsertRows(trx, 'membership', rows.membership, ['group_code', 'country', 'valid_from']);
    written += await upsertRows(trx, 'indicator', rows.indicator, ['code']);
    written += await upsertRows(trx, 'indicator_slot', rows.indicator_slot, ['indicator_code', 'slot']);
    written += await upsertRows(trx, 'indicator_identity', rows.indicator_identity, ['id']);
    written += await upsertRows(trx, 'obs_status', rows.obs_status, ['code']);
    written += await upsertRows(trx, 'note_type', rows.note_type, ['id']);
    written += await upsertRows(trx, 'note', rows.note, ['code']);
    written += await upsertRows(trx, 'source_type', rows.source_type, ['prefix']);

    const shippedSchemes = rows.classification_scheme.map((s) => s.id);
    const edgeKeys = rows.code_hierarchy.map((e) => `${e.parent_code}|${e.child_code}`);
    const mappingKeys = rows.code_mapping.map((m) => `${m.from_code}|${m.to_code}`);
    const slotKeys = rows.indicator_slot.map((s) => `${s.indicator_code}|${s.slot}`);
    const shippedGroups = [...new Set(rows.membership.map((m) => m.group_code))];
    const membershipKeys = rows.membership.map((m) => `${m.group_code}|${m.country}|${m.valid_from}`);
    // Sequential on the transaction's one connection; keys are joined with '|', which no code contains.
    const removed = [
      await sql`delete from code_hierarchy h using classification_code c
          where c.code = h.parent_code and c.scheme_id = any(${shippedSchemes})
          and not (h.parent_code || '|' || h.child_code = any(${edgeKeys}))`.execute(trx),
      await sql`delete from code_mapping m using classification_code c
          where c.code = m.from_code and c.scheme_id = any(${shippedSchemes})
          and not (m.from_code || '|' || m.to_code = any(${mappingKeys}))`.execute(trx),
      await sql`delete from indicator_slot where not (indicator_code || '|' || slot = any(${slotKeys}))`.execute(trx),
      // A corrected start date must not leave the old period beside the new one.
      await sql`delete from membership where group_code = any(${shippedGroups})
          and not (group_code || '|' || country || '|' || valid_from::text = any(${membershipKeys}))`.execute(trx),
      await sql`delete from indicator_identity where not (id = any(${rows.indicator_identity.map((i) => i.id)}))`.execute(
        trx,
      ),
    ];
    return { written, removed: removed.reduce((sum, r) => sum + Number(r.numAffectedRows ?? 0), 0) };
  });
}
