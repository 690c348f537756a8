import { z } from 'zod';

/** An exact decimal as text (`-12.5`, `0.001`): statistics never pass through a float. */
export const decimalTextSchema = z.string().regex(/^-?\d+(?:\.\d+)?$/);

/**
 * One observation row of an import file, as the validator hands it to staging. Codes are kept
 * as written (a row with an unknown code is still staged, so the whole-file checks in SQL see
 * every line); only the shape is fixed here.
 */
export const observationRowSchema = z.object({
  /** Physical line of the file the record starts on (header = 1), or the sheet row for .xlsx. */
  line: z.number().int().positive(),
  refArea: z.string(),
  indicator: z.string(),
  source: z.string().min(1),
  sex: z.string().nullable(),
  classif1: z.string().nullable(),
  classif2: z.string().nullable(),
  time: z.string(),
  /** In the stored unit (counts in thousands), unit multiplier applied; null when missing. */
  value: decimalTextSchema.nullable(),
  obsStatus: z.string().nullable(),
  /** Note codes, split on `_`; empty when the cell is. */
  noteClassif: z.array(z.string()).readonly(),
  noteIndicator: z.array(z.string()).readonly(),
  noteSource: z.array(z.string()).readonly(),
  comment: z.string().nullable(),
});
export type ObservationRow = z.infer<typeof observationRowSchema>;
