import type { FindingCollector } from '../findings/collector.js';
import type { CompiledCatalogue } from './compiled-catalogue.js';
import type { SeriesRow } from './series-window.js';

export interface RowCheckOptions {
  /** ISO alpha-3 of the submitting country: rows of other countries are errors. */
  country?: string;
  /** Source for rows whose source cell is empty (or for files without the column). */
  source?: string;
  /** Power of ten the count values are written in (3 = thousands, the ILOSTAT unit; 0 = persons). */
  unitMultiplier?: number;
  /** Registered national classifications: scheme id → its full codes. */
  nationalSchemes?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Set when the caller checks duplicate keys, the submitting country and registered sources on
   * the stored rows (the server does, in SQL, over the whole file): DUPLICATE_KEY, WRONG_COUNTRY
   * and UNKNOWN_SOURCE are then left to it, so a submission never holds the same finding twice.
   */
  hasDatabaseChecks?: boolean;
  /** Series keys (and rule groups) held at once for duplicates and dataset rules (memory bound). */
  maxTrackedKeys?: number;
}

/** What the per-row checks share; one object for the whole file. */
export interface RowContext {
  cat: CompiledCatalogue;
  findings: FindingCollector;
  options: RowCheckOptions;
  /** The row handed to the series window, filled in by the checks. */
  series: SeriesRow;
}
