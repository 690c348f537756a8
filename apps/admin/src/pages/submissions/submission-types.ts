import type { AppRouter } from '@ilms/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>['submissions'];
type Inputs = inferRouterInputs<AppRouter>['submissions'];

export type SubmissionRow = Outputs['list'][number];
export type SubmissionDetail = Outputs['get'];
export type SubmissionJob = NonNullable<Outputs['job']>;
export type SubmissionDiff = Outputs['diff'];
export type ListFilterStatus = NonNullable<Inputs['list']['status']>;
export type RevisionReasonCode = NonNullable<Inputs['publish']['revisionReason']>;

/** Where a submission's page is. */
export const submissionPath = (country: string, id: number) => `/submissions/${country}/${id}`;

/** The server's download routes for a submission's findings and the annotated copy of its file. */
export const downloadPath = (country: string, id: number, file: 'findings.csv' | 'findings.json' | 'annotated') =>
  `/api/submissions/${encodeURIComponent(country)}/${id}/${file}`;

/** `12 345` style sizes people can read: bytes to KB, MB, GB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export const formatCount = (n: number) => n.toLocaleString('en-US');
