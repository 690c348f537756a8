import { z } from 'zod';

/**
 * A practical subset of BCP 47: language, optional script, optional region (`lo`, `my`, `km`,
 * `th`, `en`, `zh-Hans`, `en-PH`). Labels keep their language so Lao, Khmer, Burmese and Thai
 * names survive next to the English ones.
 */
export const languageTagSchema = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/, 'use a BCP 47 tag such as "lo", "th" or "zh-Hans"');
export type LanguageTag = z.infer<typeof languageTagSchema>;

export const labelsSchema = z
  .record(languageTagSchema, z.string().min(1))
  .refine((labels) => Object.keys(labels).length > 0, 'give at least one label');
export type Labels = z.infer<typeof labelsSchema>;
