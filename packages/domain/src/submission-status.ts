/**
 * Every status a submission passes through, in the order of its life: a file is processed
 * into a draft (or fails, or is cancelled); a draft is submitted, then published now or at a
 * scheduled time, or returned to the focal point.
 */
export const submissionStatuses = [
  'processing',
  'failed',
  'cancelled',
  'draft',
  'submitted',
  'scheduled',
  'returned',
  'published',
] as const;

export type SubmissionStatus = (typeof submissionStatuses)[number];

/**
 * Statuses whose rows wait in staging, so a diff against published data can be previewed: a
 * processed file until it is published (then its values are in the store itself).
 */
export const stagedStatuses: ReadonlySet<SubmissionStatus> = new Set(['draft', 'submitted', 'returned', 'scheduled']);

/** Short words for a status, as screens show it. */
export const submissionStatusLabels: Record<SubmissionStatus, string> = {
  processing: 'Processing',
  failed: 'Failed',
  cancelled: 'Cancelled',
  draft: 'Draft',
  submitted: 'Submitted',
  scheduled: 'Release scheduled',
  returned: 'Returned',
  published: 'Published',
};

/** What a status means for the person who sent the file, and what they do next. */
export const submissionStatusMeanings: Record<SubmissionStatus, string> = {
  processing: 'the file is stored and being checked on the hub',
  failed: 'checking the file failed; see the error, fix it and upload again',
  cancelled: 'checking the file was cancelled; upload it again when ready',
  draft: 'checked; yours to review, fix and re-upload, then submit',
  submitted: 'sent to the coordinator for review',
  scheduled: 'approved; published at the scheduled time',
  returned: 'sent back by the coordinator with a comment; fix and submit again',
  published: 'published: the values are public',
};
