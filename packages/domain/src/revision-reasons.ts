/**
 * Why a published value was changed: chosen when a publication revises data already out, stored
 * with the vintage and shown in its history. Short on purpose, so users compare like with like.
 * Plain data (no zod), so the admin app can import it alone: `@ilms/domain/revision-reasons`.
 */
export const revisionReasonCodes = ['correction', 'new_source', 'methodology_change', 'routine_revision'] as const;
export type RevisionReason = (typeof revisionReasonCodes)[number];

export const revisionReasons: readonly { code: RevisionReason; label: string; description: string }[] = [
  { code: 'correction', label: 'Correction', description: 'An error in the earlier figures is corrected.' },
  {
    code: 'new_source',
    label: 'New source',
    description: 'The figures now come from another source (a new survey round, census or register).',
  },
  {
    code: 'methodology_change',
    label: 'Methodology change',
    description: 'Definitions, weights or estimation methods changed, so earlier periods were recomputed.',
  },
  {
    code: 'routine_revision',
    label: 'Routine revision',
    description: 'Provisional figures replaced as planned by final ones, or late data added.',
  },
];
