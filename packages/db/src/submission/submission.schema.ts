import type { RevisionReason, Severity, SubmissionStatus } from '@ilms/domain';
import type { ColumnType, Generated } from 'kysely';

/** numeric: written as string, always read as an exact decimal string. */
type Numeric = ColumnType<string | null, string | null, string | null>;
/** jsonb written as a JSON string, read back as parsed JSON. */
type Json = ColumnType<unknown, string, string>;
/** int8 identities: read as numbers (see create-db), never written. */
type Id = ColumnType<number, never, never>;

export type { RevisionReason, Severity, SubmissionStatus } from '@ilms/domain';
export type ImportJobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type ImportJobPhase = 'queued' | 'loading' | 'validating' | 'checking' | 'done';
export type ReleaseState = 'pending' | 'released' | 'cancelled' | 'failed';
export type SubmissionMode = 'merge' | 'replace' | 'delete';
export type FindingOrigin = 'file' | 'staging' | 'published';

export interface SubmissionTables {
  submission: SubmissionTable;
  submission_event: SubmissionEventTable;
  submission_file_chunk: SubmissionFileChunkTable;
  finding: FindingTable;
  series: SeriesTable;
  vintage: VintageTable;
  observation: ObservationTable;
  import_job: ImportJobTable;
  scheduled_release: ScheduledReleaseTable;
}

export interface SubmissionTable {
  id: Id;
  country: string;
  created_by: string;
  created_at: Date;
  status: SubmissionStatus;
  status_changed_at: Date;
  mode: SubmissionMode;
  file_name: string;
  file_size: number;
  sha256: Buffer;
  row_count: Generated<number>;
  error_count: Generated<number>;
  warning_count: Generated<number>;
  indicators: Generated<string[]>;
  file_purged_at: Date | null;
  /** The country's last change number when the year-on-year check last ran (null: never). */
  jumps_checked_seq: Generated<number | null>;
}

export interface SubmissionEventTable {
  id: Id;
  submission_id: number;
  status: SubmissionStatus;
  actor_id: string | null;
  occurred_at: Date;
  comment: string | null;
}

export interface SubmissionFileChunkTable {
  submission_id: number;
  seq: number;
  data: Buffer;
}

export interface FindingTable {
  id: Id;
  submission_id: number;
  origin: FindingOrigin;
  code: string;
  severity: Severity;
  line: number;
  column_name: string;
  value: string;
  expected: string;
  message: string;
}

export interface SeriesTable {
  id: Id;
  ref_area: string;
  indicator: string;
  source: string;
  sex: string | null;
  classif1: string | null;
  classif2: string | null;
}

export interface VintageTable {
  id: Id;
  seq: number;
  submission_id: number;
  country: string;
  indicators: string[];
  published_by: string | null;
  published_at: Date;
  revision_reason: RevisionReason | null;
  revision_text: string | null;
  counts: Json;
}

/** One version of a cell; its key is (series_id, time, valid_from_seq). */
export interface ObservationTable {
  series_id: number;
  time: string;
  value: Numeric;
  obs_status: string | null;
  note_classif: string[];
  note_indicator: string[];
  note_source: string[];
  comment: string | null;
  is_tombstone: boolean;
  valid_from_seq: number;
  valid_to_seq: number | null;
  vintage_id: number;
  submission_id: number;
  file_line: number | null;
}

export interface ImportJobTable {
  submission_id: number;
  state: ImportJobState;
  phase: ImportJobPhase;
  bytes_total: number;
  bytes_read: Generated<number>;
  rows_read: Generated<number>;
  attempt: Generated<number>;
  max_attempts: number;
  worker: string | null;
  queue_job_id: string | null;
  heartbeat_at: Date | null;
  cancel_requested_at: Date | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
}

export interface ScheduledReleaseTable {
  id: Id;
  submission_id: number;
  release_at: Date;
  scheduled_by: string;
  scheduled_at: Date;
  revision_reason: RevisionReason | null;
  revision_text: string | null;
  state: ReleaseState;
  settled_at: Date | null;
  vintage_id: number | null;
  error: string | null;
}
