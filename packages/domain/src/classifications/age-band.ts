import { z } from 'zod';

/** Completed years of age, both ends inclusive; `upper: null` is an open band such as 65+. */
export const ageBandSchema = z
  .object({
    lower: z.int().min(0),
    upper: z.int().min(0).nullable(),
  })
  .refine((band) => band.upper === null || band.upper >= band.lower, 'upper bound below lower bound');
export type AgeBand = z.infer<typeof ageBandSchema>;

/**
 * Reads the bounds an ILOSTAT-style age code spells out: `Y15-24` → 15..24, `YGE65` → 65..open,
 * `YLT15` → 0..14. Returns null for codes that do not spell bounds (`TOTAL`). National age schemes
 * that follow the same spelling get their bounds for free.
 */
export function parseAgeBandCode(code: string): AgeBand | null {
  const closed = /^Y(\d{1,3})-(\d{1,3})$/.exec(code);
  if (closed?.[1] && closed[2]) return { lower: Number(closed[1]), upper: Number(closed[2]) };
  const open = /^YGE(\d{1,3})$/.exec(code);
  if (open?.[1]) return { lower: Number(open[1]), upper: null };
  const below = /^YLT(\d{1,3})$/.exec(code);
  if (below?.[1] && Number(below[1]) > 0) return { lower: 0, upper: Number(below[1]) - 1 };
  return null;
}

export function bandContains(outer: AgeBand, inner: AgeBand): boolean {
  if (inner.lower < outer.lower) return false;
  if (outer.upper === null) return true;
  return inner.upper !== null && inner.upper <= outer.upper;
}
