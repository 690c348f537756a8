import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../create-db.js';
import { deleteFindings } from './finding.repository.js';
import { stagingTable } from './staging.repository.js';

/** Joins a staged row `s` to its series `ser`; nulls (absent classifications) match each other. */
export const seriesMatch = sql`ser.ref_area = s.ref_area and ser.indicator = s.indicator and ser.source = s.source
  and coalesce(ser.sex, '') = coalesce(s.sex, '') and coalesce(ser.classif1, '') = coalesce(s.classif1, '')
  and coalesce(ser.classif2, '') = coalesce(s.classif2, '')`;

const findingColumns = sql`(submission_id, origin, code, severity, line, column_name, value, expected, message)`;

/**
 * The checks that need the whole file at once, run set-based on staging so memory stays flat
 * however large the file: repeated keys (with the line of the first occurrence), rows of another
 * country, and sources missing from the country's registry. Messages match `@ilms/ingest`'s
 * catalogue for the same codes.
 */
export async function checkStagedRows(db: Db, submissionId: number, country: string): Promise<void> {
  // A hash aggregate finds the repeated keys in one pass (1.4 s per million rows, against 3.9 s for
  // a window sorting them all); their rows are joined back only when there are any.
  await sql`set local work_mem = '128MB'`.execute(db);
  await sql`
    insert into finding ${findingColumns}
    select ${submissionId}, 'staging', 'DUPLICATE_KEY', 'error', s.line, 'time', s.time, d.first_line::text,
      format('Line %s repeats the observation on line %s (same ref_area, indicator, source, sex, classif1, classif2 and time). Keep one of the two.', s.line, d.first_line)
    from (
      select ref_area, indicator, source, sex, classif1, classif2, time, min(line) as first_line
      from ${stagingTable(submissionId)}
      group by ref_area, indicator, source, sex, classif1, classif2, time
      having count(*) > 1
    ) d
    join ${stagingTable(submissionId)} s on s.ref_area = d.ref_area
      and s.indicator = d.indicator and s.source = d.source and s.time = d.time
      and s.sex is not distinct from d.sex and s.classif1 is not distinct from d.classif1
      and s.classif2 is not distinct from d.classif2
    where s.line <> d.first_line`.execute(db);

  await sql`
    insert into finding ${findingColumns}
    select ${submissionId}, 'staging', 'WRONG_COUNTRY', 'error', line, 'ref_area', ref_area, ${country},
      format('Line %s: ref_area is %s but this submission is for %s. Remove rows of other countries, or submit them for their own country.', line, ref_area, ${country}::text)
    from ${stagingTable(submissionId)} where ref_area <> ${country}`.execute(db);

  await sql`
    insert into finding ${findingColumns}
    select ${submissionId}, 'staging', 'UNKNOWN_SOURCE', 'error', s.line, 'source', s.source, 'a source registered for ' || s.ref_area,
      format('Line %s: source %s is not in the source registry of %s. Register it first on the hub (Catalogue › Sources), or use a registered source id.', s.line, s.source, s.ref_area)
    from ${stagingTable(submissionId)} s
    where s.ref_area = ${country}
      and not exists (select 1 from source where source.id = s.source and source.country = s.ref_area)`.execute(db);
}

/**
 * Year-on-year jump warnings against published data: a count that moves by more than half and by
 * more than 1,000 persons from the previous published period of the same series (same frequency).
 * Replaces the previous run's warnings when published data of the country has changed since that
 * run (or it never ran); otherwise nothing is done. Returns whether the check ran.
 */
export async function checkJumpsAgainstPublished(db: Db, submissionId: number): Promise<boolean> {
  // Series of a country are published only by its own vintages (rows of another country are an
  // error, and a submission with errors is never published), so the country's last change number
  // tells whether the published values this check reads have moved.
  const { rows } = await sql<{ checked: string | null; published: string }>`
    select s.jumps_checked_seq as checked,
      (select coalesce(max(v.seq), 0) from vintage v where v.country = s.country) as published
    from submission s where s.id = ${submissionId}`.execute(db);
  const watermark = rows[0];
  if (watermark === undefined) throw new Error(`submission ${submissionId} does not exist`);
  if (watermark.checked !== null && Number(watermark.checked) === Number(watermark.published)) return false;
  await deleteFindings(db, submissionId, 'published');
  // Nothing of the country is published yet: there is no previous period to compare with.
  if (Number(watermark.published) > 0) await insertJumpFindings(db, submissionId);
  await sql`update submission set jumps_checked_seq = ${watermark.published} where id = ${submissionId}`.execute(db);
  return true;
}

/**
 * The period before a `time` of the same frequency: 2024 → 2023, 2024Q1 → 2023Q4, 2024M03 →
 * 2024M02. Null for a time the validator refused (such rows are staged too, with their error).
 */
const periodBefore = (time: RawBuilder<unknown>) => sql`case
    when ${time} ~ '^[0-9]{4}$' then (${time}::int - 1)::text
    when ${time} ~ '^[0-9]{4}Q1$' then (left(${time}, 4)::int - 1)::text || 'Q4'
    when ${time} ~ '^[0-9]{4}Q[2-4]$' then left(${time}, 5) || (right(${time}, 1)::int - 1)::text
    when ${time} ~ '^[0-9]{4}M01$' then (left(${time}, 4)::int - 1)::text || 'M12'
    when ${time} ~ '^[0-9]{4}M(0[2-9]|1[0-2])$' then left(${time}, 5) || lpad((right(${time}, 2)::int - 1)::text, 2, '0')
  end`;

async function insertJumpFindings(db: Db, submissionId: number): Promise<void> {
  // Each staged count meets the current published value of the period just before it, found by
  // hashing (the common case: series published period after period); only where that period is
  // not published (a gap, the first period, a removal) does an index look up the last earlier
  // one. The planner takes the six-column join of staged rows to their series for a single row
  // and would nest loops over a million index probes (7 s against 2 s), so nested loops and
  // merge joins are off for this statement; the look-up below is a nested loop all the same.
  await sql`set local work_mem = '128MB'`.execute(db);
  await sql`set local enable_nestloop = off`.execute(db);
  await sql`set local enable_mergejoin = off`.execute(db);
  await sql`
    insert into finding ${findingColumns}
    with staged as (
      select s.line, s.time, s.value, ser.id as series_id, i.unit_multiplier, ${periodBefore(sql`s.time`)} as adjacent_time
      from ${stagingTable(submissionId)} s
      join indicator i on i.code = s.indicator and i.measure_type = 'count'
      join series ser on ${seriesMatch}
      where s.value is not null
    ), jumps as (
      select st.line, st.time, st.value, st.unit_multiplier,
        coalesce(adjacent.time, earlier.time) as prev_time, coalesce(adjacent.value, earlier.value) as prev_value
      from staged st
      left join observation adjacent on adjacent.series_id = st.series_id and adjacent.time = st.adjacent_time
        and adjacent.valid_to_seq is null and not adjacent.is_tombstone and adjacent.value is not null
      left join lateral (
        select o.time, o.value from observation o
        where adjacent.time is null and o.series_id = st.series_id and o.valid_to_seq is null and o.time < st.time
          and length(o.time) = length(st.time) and not o.is_tombstone and o.value is not null
        order by o.time desc limit 1
      ) earlier on true
    )
    select ${submissionId}, 'published', 'YEAR_ON_YEAR_JUMP', 'warning', line, 'obs_value', value::text, prev_value::text,
      format('Line %s: %s for %s is %s%% %s the %s value %s of the same series (change %s). Check the value; if it is right, say why in the comment column.',
        line, value, time, round(abs(value - prev_value) * 100 / nullif(abs(prev_value), 0)),
        case when value > prev_value then 'above' else 'below' end, prev_time, prev_value,
        case when value > prev_value then '+' else '' end || (value - prev_value)::text)
    from jumps
    where abs(value - prev_value) > 1000 / power(10::numeric, unit_multiplier)
      and abs(value - prev_value) > abs(prev_value) / 2`.execute(db);
  await sql`set local enable_nestloop = default`.execute(db);
  await sql`set local enable_mergejoin = default`.execute(db);
}
