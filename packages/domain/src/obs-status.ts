import { z } from 'zod';

/**
 * Observation status, with the meanings of the SDMX code list CL_OBS_STATUS. Older ILOSTAT
 * bulk files used some letters differently (A adjusted, C confidential, M model-based,
 * R real value, S not significant): importers of those files must translate, not copy.
 */
export const obsStatusSchema = z.object({
  code: z.string().regex(/^[A-Z]$/),
  label: z.string().min(1),
  description: z.string().min(1),
  /** Whether the flag may stand on a row with no value (missing, suppressed, counted elsewhere). */
  allowsEmptyValue: z.boolean(),
  /** SDMX: when only one flag can be reported, the break wins over any other. */
  takesPrecedence: z.boolean(),
});
export type ObsStatus = z.infer<typeof obsStatusSchema>;

type Row = [code: string, label: string, description: string, allowsEmptyValue: boolean];

const rows: Row[] = [
  ['A', 'Normal value', 'No special remark on the value.', false],
  ['B', 'Break in series', 'Not comparable with earlier periods: new source, design or definition.', false],
  ['D', 'Definition differs', 'Measured with a definition other than the standard one; see the notes.', false],
  ['E', 'Estimated value', 'Estimated by the producer rather than observed directly.', false],
  ['F', 'Forecast value', 'A projection for a period not yet observed.', false],
  ['G', 'Experimental value', 'Produced with a method still under test.', false],
  ['I', 'Imputed value', 'Filled in by a compiler to replace a missing or unusable value.', false],
  ['K', 'Included in another category', 'Counted under another code, so this cell carries no value.', true],
  ['L', 'Missing: exists but not collected', 'The phenomenon exists but the source did not measure it.', true],
  ['M', 'Missing: cannot exist', 'The phenomenon does not exist, so no value can be reported.', true],
  ['N', 'Not significant', 'Too small to be shown meaningfully, but reported.', false],
  ['O', 'Missing value', 'No value, reason not given.', true],
  ['P', 'Provisional value', 'Subject to revision.', false],
  ['Q', 'Suppressed', 'Withheld for confidentiality or because the estimate is too unreliable to publish.', true],
  ['U', 'Low reliability', 'Published, but with a large sampling error or other known weakness.', false],
  ['V', 'Unvalidated value', 'Not yet checked by the producer.', false],
  ['W', 'Includes another category', 'Also counts persons that belong to another code.', false],
];

export const obsStatuses: ObsStatus[] = z.array(obsStatusSchema).parse(
  rows.map(([code, label, description, allowsEmptyValue]) => ({
    code,
    label,
    description,
    allowsEmptyValue,
    takesPrecedence: code === 'B',
  })),
);
