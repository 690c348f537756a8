import { z } from 'zod';

export const severitySchema = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof severitySchema>;

/**
 * One finding about an import file, wherever it was found (the validator's pass over the file, or
 * the checks on staged rows in SQL): what, where, and how to fix it.
 */
export const findingSchema = z.object({
  /** Stable code (`DUPLICATE_KEY`); messages per code live in `@ilms/ingest`'s catalogue. */
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  severity: severitySchema,
  /** Physical line of the file (header = 1), or the sheet row number for .xlsx. */
  line: z.number().int().positive(),
  /** Column name, or empty for findings about a whole row or file. */
  column: z.string(),
  /** The value as written (shortened past 200 characters). */
  value: z.string(),
  expected: z.string(),
  message: z.string().min(1),
});
export type Finding = z.infer<typeof findingSchema>;
