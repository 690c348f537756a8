import { type RevisionReason, revisionReasonCodes, revisionReasons } from '@ilms/domain/revision-reasons';
import { words } from '../../format/words.js';

// The plain-data module only: the domain package's index would bring its whole catalogue (~570 kB).
export { revisionReasonCodes };

export const revisionReasonLabels = Object.fromEntries(
  revisionReasons.map(({ code, label, description }) => [code, { label, description }]),
) as Record<RevisionReason, { label: string; description: string }>;

export const revisionReasonLabel = (code: string) => revisionReasonLabels[code as RevisionReason]?.label ?? words(code);
