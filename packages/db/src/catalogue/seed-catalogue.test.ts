import { catalogue } from '@ilms/domain';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../create-db.js';
import { createTestDatabase } from '../testing/index.js';
import { insertNationalScheme } from './national-scheme.repository.js';
import { seedCatalogue } from './seed-catalogue.js';

const { db } = await createTestDatabase();

const tables = [
  'classification_scheme',
  'classification_code',
  'code_label',
  'code_hierarchy',
  'code_mapping',
  'indicator',
  'indicator_slot',
  'indicator_identity',
  'country',
  'country_label',
  'membership',
  'obs_status',
  'note',
  'source_type',
] as const;

/** Every row's physical version: unchanged if and only if nothing rewrote the row. */
async function rowVersions(database: Db) {
  const versions: Record<string, string[]> = {};
  for (const table of tables) {
    const result = await sql<{
      v: string;
    }>`select ctid::text || ':' || xmin::text as v from ${sql.table(table)} order by 1`.execute(database);
    versions[table] = result.rows.map((r) => r.v);
  }
  return versions;
}

async function count(table: (typeof tables)[number]) {
  const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return result.rows[0]?.n;
}

describe('seedCatalogue', () => {
  it('has seeded the template with the whole shipped catalogue', async () => {
    expect(await count('indicator')).toBe(catalogue.indicators.length);
    expect(await count('classification_scheme')).toBe(catalogue.schemes.length);
    expect(await count('classification_code')).toBe(catalogue.schemes.reduce((n, s) => n + s.codes.length, 0));
    expect(await count('country')).toBe(catalogue.countries.length);
    const rate = await db
      .selectFrom('indicator')
      .selectAll()
      .where('code', '=', 'MST_TUNE_SEX_AGE_CCT_RT')
      .executeTakeFirstOrThrow();
    expect(rate).toMatchObject({
      measure_type: 'rate',
      numerator_code: 'MST_TUNE_SEX_AGE_CCT_NB',
      denominator_code: 'MST_TEAP_SEX_AGE_CCT_NB',
      min_value: '0',
      max_value: '100',
    });
  });

  it('changes nothing when run again', async () => {
    const before = await rowVersions(db);
    expect(await seedCatalogue(db)).toEqual({ written: 0, removed: 0 });
    expect(await rowVersions(db)).toEqual(before);
  });

  it('restores a shipped label edited in the database and removes a stale hierarchy edge and membership period', async () => {
    await db
      .updateTable('code_label')
      .set({ label: 'edited' })
      .where('code', '=', 'ECO_ISIC4_A')
      .where('lang', '=', 'en')
      .execute();
    await db
      .insertInto('code_hierarchy')
      .values({ parent_code: 'ECO_ISIC4_A', child_code: 'ECO_ISIC4_B', role: 'component' })
      .execute();
    await db
      .insertInto('membership')
      .values({ group_code: 'X84', country: 'TLS', valid_from: '2025-01-01', valid_to: null })
      .execute();
    expect(await seedCatalogue(db)).toEqual({ written: 1, removed: 2 });
    expect(
      await db
        .selectFrom('membership')
        .select('valid_from')
        .where('country', '=', 'TLS')
        .where('group_code', '=', 'X84')
        .execute(),
    ).toHaveLength(1);
    const label = await db
      .selectFrom('code_label')
      .select('label')
      .where('code', '=', 'ECO_ISIC4_A')
      .where('lang', '=', 'en')
      .executeTakeFirstOrThrow();
    expect(label.label).toBe(
      catalogue.schemes.find((s) => s.id === 'ECO_ISIC4')?.codes.find((c) => c.code === 'A')?.label,
    );
  });

  it('leaves national classifications alone', async () => {
    await db.transaction().execute((trx) =>
      insertNationalScheme(trx, {
        scheme: {
          id: 'AGE_LAO-LFS2017',
          dimension: 'AGE',
          label: 'Lao LFS age groups',
          country: 'LAO',
          version: '2017',
          valid_from: '2017-01-01',
          valid_to: null,
        },
        codes: [
          {
            code: 'AGE_LAO-LFS2017_TOTAL',
            scheme_id: 'AGE_LAO-LFS2017',
            local_code: 'TOTAL',
            sort_order: 0,
            is_total: true,
            is_residual: false,
          },
          {
            code: 'AGE_LAO-LFS2017_Y15-35',
            scheme_id: 'AGE_LAO-LFS2017',
            local_code: 'Y15-35',
            sort_order: 1,
            lower_bound: 15,
            upper_bound: 35,
            is_total: false,
            is_residual: false,
          },
        ],
        labels: [{ code: 'AGE_LAO-LFS2017_Y15-35', lang: 'lo', label: 'ອາຍຸ 15-35 ປີ' }],
        hierarchy: [{ parent_code: 'AGE_LAO-LFS2017_TOTAL', child_code: 'AGE_LAO-LFS2017_Y15-35', role: 'component' }],
      }),
    );
    expect(await seedCatalogue(db)).toEqual({ written: 0, removed: 0 });
    const lao = await db
      .selectFrom('code_label')
      .select('label')
      .where('code', '=', 'AGE_LAO-LFS2017_Y15-35')
      .executeTakeFirstOrThrow();
    expect(lao.label).toBe('ອາຍຸ 15-35 ປີ');
    expect(
      await db
        .selectFrom('code_hierarchy')
        .select('child_code')
        .where('parent_code', '=', 'AGE_LAO-LFS2017_TOTAL')
        .execute(),
    ).toHaveLength(1);
  });

  it("keeps country names in the region's scripts byte for byte", async () => {
    const cambodia = catalogue.countries.find((c) => c.code === 'KHM');
    const khmer = await db
      .selectFrom('country_label')
      .select('label')
      .where('country', '=', 'KHM')
      .where('lang', '=', 'km')
      .executeTakeFirstOrThrow();
    expect(khmer.label).toBe(cambodia?.names.km);
    expect(Buffer.from(khmer.label, 'utf8').equals(Buffer.from(cambodia?.names.km ?? '', 'utf8'))).toBe(true);
  });
});
