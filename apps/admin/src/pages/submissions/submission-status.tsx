import {
  type SubmissionStatus,
  submissionStatuses as statuses,
  submissionStatusLabels as statusLabels,
} from '@ilms/domain/submission-status';

// The plain-data module only: the domain package's index would bring its whole catalogue.
export {
  type SubmissionStatus,
  submissionStatuses as statuses,
  submissionStatusLabels as statusLabels,
} from '@ilms/domain/submission-status';

const isKnown = (status: string): status is SubmissionStatus => (statuses as readonly string[]).includes(status);

export const statusLabel = (status: string) => (isKnown(status) ? statusLabels[status] : status);

/** The status as a coloured badge; the word carries the meaning, the colour only repeats it. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`status-badge status-${status}`}>{statusLabel(status)}</span>;
}

export const modeLabels: Record<string, string> = {
  merge: 'Merge: add and update the file’s values, keep the others',
  replace: 'Replace: the file replaces everything published in its scope',
  delete: 'Delete: remove the file’s values from the published data',
};
