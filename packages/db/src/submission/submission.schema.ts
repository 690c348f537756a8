import type { ColumnType, Generated } from 'kysely';

/** numeric: written as string, always read as an exact decimal string. */
type Numeric = ColumnType<string | null, string | null, string | null>;
/** jsonb written as a JSON string, read back as parsed JSON. */
type Json = ColumnType<unknown, string, string>;
/** int8 identities: read as numbers (see create-db), never written. */
type Id = ColumnType<number, never, never>;

export type SubmissionStatus = 'draft' | 'submitted' | 'published' | 'returned';
export type SubmissionMode = 'merge' | 'replace' | 'delete';
export type FindingOrigin = 'file' | 'staging' | 'published';
export type Severity = 'error' | 'warning';
export type RevisionReason = 'correction' | 'new_source' | 'methodology_change' | 'routine_revision';

export interface SubmissionTables {
  submission: SubmissionTable;
  submission_event: SubmissionEventTable;
  submission_file_chunk: SubmissionFileChunkTable;
  finding: FindingTable;
  staging_observation: StagingObservationTable;
  series: SeriesTable;
  vintage: VintageTable;
  observation: ObservationTable;
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
}

export interface SubmissionEventTable {
  id: Id;
  submission_id: number;
  status: string;
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

export interface StagingObservationTable {
  submission_id: number;
  line: number;
  ref_area: string;
  indicator: string;
  source: string;
  sex: string | null;
  classif1: string | null;
  classif2: string | null;
  time: string;
  value: Numeric;
  obs_status: string | null;
  note_classif: string[];
  note_indicator: string[];
  note_source: string[];
  comment: string | null;
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

export interface ObservationTable {
  id: Id;
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
