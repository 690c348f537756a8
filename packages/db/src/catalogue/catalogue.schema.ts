import type { ColumnType, Generated } from 'kysely';

/** numeric: written as string or number, always read as an exact decimal string. */
type Numeric = ColumnType<string, string | number, string | number>;
type DateColumn = ColumnType<string, string, string>;

export interface CatalogueTables {
  classification_scheme: ClassificationSchemeTable;
  classification_code: ClassificationCodeTable;
  code_label: CodeLabelTable;
  code_hierarchy: CodeHierarchyTable;
  code_mapping: CodeMappingTable;
  indicator: IndicatorTable;
  indicator_slot: IndicatorSlotTable;
  indicator_identity: IndicatorIdentityTable;
  country: CountryTable;
  country_label: CountryLabelTable;
  region: RegionTable;
  membership: MembershipTable;
  obs_status: ObsStatusTable;
  note_type: NoteTypeTable;
  note: NoteTable;
  source_type: SourceTypeTable;
  source: SourceTable;
}

export type SchemeKind = 'standard' | 'per_country' | 'national';

export interface ClassificationSchemeTable {
  id: string;
  dimension: string;
  kind: SchemeKind;
  label: string;
  total_code: string | null;
  country: string | null;
  version: string | null;
  valid_from: DateColumn | null;
  valid_to: DateColumn | null;
  registered_at: Generated<Date>;
}

export interface ClassificationCodeTable {
  code: string;
  scheme_id: string;
  local_code: string;
  sort_order: number;
  lower_bound: number | null;
  upper_bound: number | null;
  is_total: boolean;
  is_residual: boolean;
}

export interface CodeLabelTable {
  code: string;
  lang: string;
  label: string;
}

export type HierarchyRole = 'component' | 'subtotal' | 'overlap';

export interface CodeHierarchyTable {
  parent_code: string;
  child_code: string;
  role: HierarchyRole;
}

export interface CodeMappingTable {
  from_code: string;
  to_code: string;
}

export interface IndicatorTable {
  code: string;
  namespace: 'ilostat' | 'hub';
  label: string;
  definition: string;
  topic: string;
  criterion: string;
  measure_type: 'count' | 'rate' | 'mean' | 'ratio';
  unit: string;
  unit_multiplier: number;
  min_value: Numeric | null;
  max_value: Numeric | null;
  numerator_code: string | null;
  denominator_code: string | null;
  standard: ColumnType<unknown, string, string>;
}

export interface IndicatorSlotTable {
  indicator_code: string;
  slot: 'sex' | 'classif1' | 'classif2';
  dimension: string;
  scheme_ids: string[];
  accepts_national: boolean;
}

export interface IndicatorIdentityTable {
  id: string;
  kind: 'sum' | 'same_total';
  total_code: string | null;
  member_codes: string[];
}

export interface CountryTable {
  code: string;
  iso2: string | null;
  iso_numeric: string | null;
  ilo_label: string;
  aliases: string[];
  components: string[];
}

export interface CountryLabelTable {
  country: string;
  lang: string;
  label: string;
}

export interface RegionTable {
  code: string;
  label: string;
  membership: 'all_countries' | 'dated';
}

export interface MembershipTable {
  group_code: string;
  country: string;
  valid_from: DateColumn;
  valid_to: DateColumn | null;
}

export interface ObsStatusTable {
  code: string;
  label: string;
  description: string;
  allows_empty_value: boolean;
  takes_precedence: boolean;
}

export interface NoteTypeTable {
  id: string;
  label: string;
  note_column: string;
}

export interface NoteTable {
  code: string;
  note_type: string;
  text: string;
}

export interface SourceTypeTable {
  prefix: string;
  category: string;
  label: string;
}

export interface SourceTable {
  id: string;
  country: string;
  type_prefix: string;
  name: string;
  agency: string;
  first_year: number | null;
  last_year: number | null;
  registered_at: Generated<Date>;
}
