import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../create-db.js';
import { stagingTable } from './staging.repository.js';
import { seriesMatch } from './staging-checks.repository.js';
import type { SubmissionMode } from './submission.schema.js';

export type ChangeKind = 'new' | 'changed' | 'unchanged' | 'removed' | 'absent';

/**
 * Every staged row of a submission set against the current published version of its cell:
 * `new` (no version, or a tombstone), `changed`, `unchanged`; in `delete` mode `removed` (a
 * published value goes) or `absent` (nothing to remove). Shared by the preview and the publish,
 * so both count the same way.
 */
export function classifyStagedRows(submissionId: number, mode: SubmissionMode): RawBuilder<unknown> {
  return sql`
    select s.line, s.indicator, s.ref_area, s.source, s.sex, s.classif1, s.classif2, s.time, s.value,
      s.obs_status, s.note_classif, s.note_indicator, s.note_source, s.comment,
      ser.id as series_id, cur.valid_from_seq as current_seq, cur.value as old_value,
      case
        when ${mode} = 'delete' then case when cur.series_id is null or cur.is_tombstone then 'absent' else 'removed' end
        when cur.series_id is null or cur.is_tombstone then 'new'
        when (cur.value, cur.obs_status, cur.note_classif, cur.note_indicator, cur.note_source, cur.comment)
          is not distinct from (s.value, s.obs_status, s.note_classif, s.note_indicator, s.note_source, s.comment)
          then 'unchanged'
        else 'changed'
      end as kind
    from ${stagingTable(submissionId)} s
    left join series ser on ${seriesMatch}
    left join observation cur on cur.series_id = ser.id and cur.time = s.time and cur.valid_to_seq is null`;
}

/**
 * What `replace` removes: current published values in the file's scope (ref_area, indicator,
 * source, time) whose full key the file does not list.
 */
export function findReplacedAway(submissionId: number): RawBuilder<unknown> {
  return sql`
    select o.valid_from_seq as current_seq, o.series_id, o.time, o.value as old_value, ser.indicator, ser.ref_area, ser.source,
      ser.sex, ser.classif1, ser.classif2
    from (select distinct ref_area, indicator, source, time from ${stagingTable(submissionId)}) scope
    join series ser on ser.ref_area = scope.ref_area and ser.indicator = scope.indicator and ser.source = scope.source
    join observation o on o.series_id = ser.id and o.time = scope.time and o.valid_to_seq is null and not o.is_tombstone
    where not exists (
      select 1 from ${stagingTable(submissionId)} s where ${seriesMatch} and s.time = o.time
    )`;
}

export interface DiffCounts {
  indicator: string;
  new: number;
  changed: number;
  unchanged: number;
  removed: number;
  absent: number;
}

export interface ChangedCell {
  line: number;
  indicator: string;
  refArea: string;
  source: string;
  sex: string | null;
  classif1: string | null;
  classif2: string | null;
  time: string;
  oldValue: string | null;
  newValue: string | null;
  /** new − old, exact; null when either side is empty. */
  change: string | null;
  /** The change in percent of the old value, rounded to 0.1; null when old is 0 or empty. */
  changePercent: string | null;
}

const counted = (kind: ChangeKind) => sql<number>`count(*) filter (where kind = ${kind})::int`;

/** The dry-run preview: counts per indicator, and the largest changes cell by cell. */
export async function diffSubmission(db: Db, submissionId: number, mode: SubmissionMode, sampleSize: number) {
  const removals =
    mode === 'replace' ? sql`union all select indicator, 'removed' from (${findReplacedAway(submissionId)}) r` : sql``;
  const { rows: counts } = await sql<DiffCounts>`
    select indicator, ${counted('new')} as new, ${counted('changed')} as changed, ${counted('unchanged')} as unchanged,
      ${counted('removed')} as removed, ${counted('absent')} as absent
    from (select indicator, kind from (${classifyStagedRows(submissionId, mode)}) c ${removals}) k
    group by indicator order by indicator`.execute(db);
  const { rows: sample } = await sql<ChangedCell>`
    select line, indicator, ref_area as "refArea", source, sex, classif1, classif2, time,
      old_value::text as "oldValue", value::text as "newValue", (value - old_value)::text as change,
      round((value - old_value) * 100 / nullif(abs(old_value), 0), 1)::text as "changePercent"
    from (${classifyStagedRows(submissionId, mode)}) c
    where kind = 'changed'
    order by abs(value - old_value) desc nulls last, line
    limit ${sampleSize}`.execute(db);
  return { counts, sample };
}
