import { sql } from 'kysely';
import type { Db } from '../create-db.js';

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
  await sql`
    insert into finding ${findingColumns}
    select ${submissionId}, 'staging', 'DUPLICATE_KEY', 'error', line, 'time', time, first_line::text,
      format('Line %s repeats the observation on line %s (same ref_area, indicator, source, sex, classif1, classif2 and time). Keep one of the two.', line, first_line)
    from (
      select line, time, min(line) over (partition by ref_area, indicator, source, sex, classif1, classif2, time) as first_line
      from staging_observation where submission_id = ${submissionId}
    ) d
    where line <> first_line`.execute(db);

  await sql`
    insert into finding ${findingColumns}
    select ${submissionId}, 'staging', 'WRONG_COUNTRY', 'error', line, 'ref_area', ref_area, ${country},
      format('Line %s: ref_area is %s but this submission is for %s. Remove rows of other countries, or submit them for their own country.', line, ref_area, ${country}::text)
    from staging_observation where submission_id = ${submissionId} and ref_area <> ${country}`.execute(db);

  await sql`
    insert into finding ${findingColumns}
    select ${submissionId}, 'staging', 'UNKNOWN_SOURCE', 'error', s.line, 'source', s.source, 'a source registered for ' || s.ref_area,
      format('Line %s: source %s is not in the source registry of %s. Register it first (catalogue sources), or use a registered source id.', s.line, s.source, s.ref_area)
    from staging_observation s
    where s.submission_id = ${submissionId} and s.ref_area = ${country}
      and not exists (select 1 from source where source.id = s.source and source.country = s.ref_area)`.execute(db);
}

/**
 * Year-on-year jump warnings against published data: a count that moves by more than half and by
 * more than 1,000 persons from the previous published period of the same series (same frequency).
 * Replaces the previous run's warnings, since published data may have changed since.
 */
export async function checkJumpsAgainstPublished(db: Db, submissionId: number): Promise<void> {
  await db.deleteFrom('finding').where('submission_id', '=', submissionId).where('origin', '=', 'published').execute();
  await sql`
    insert into finding ${findingColumns}
    select ${submissionId}, 'published', 'YEAR_ON_YEAR_JUMP', 'warning', s.line, 'obs_value', s.value::text, prev.value::text,
      format('Line %s: %s for %s is %s%% %s the %s value %s of the same series (change %s). Check the value; if it is right, say why in the comment column.',
        s.line, s.value, s.time, round(abs(s.value - prev.value) * 100 / nullif(abs(prev.value), 0)),
        case when s.value > prev.value then 'above' else 'below' end, prev.time, prev.value,
        case when s.value > prev.value then '+' else '' end || (s.value - prev.value)::text)
    from staging_observation s
    join indicator i on i.code = s.indicator and i.measure_type = 'count'
    join series ser on ${seriesMatch}
    cross join lateral (
      select o.time, o.value from observation o
      where o.series_id = ser.id and o.valid_to_seq is null and not o.is_tombstone and o.value is not null
        and o.time < s.time and length(o.time) = length(s.time)
      order by o.time desc limit 1
    ) prev
    where s.submission_id = ${submissionId} and s.value is not null
      and abs(s.value - prev.value) > 1000 / power(10::numeric, i.unit_multiplier)
      and abs(s.value - prev.value) > abs(prev.value) / 2`.execute(db);
}
