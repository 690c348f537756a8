import type { AppRouter } from '@ilms/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>['submissions'];
type Inputs = inferRouterInputs<AppRouter>['submissions'];

export type SubmissionRow = Outputs['list'][number];
export type SubmissionDetail = Outputs['get'];
export type SubmissionJob = NonNullable<Outputs['job']>;
export type SubmissionDiff = Outputs['diff'];
export type RevisionReasonCode = NonNullable<Inputs['publish']['revisionReason']>;

/** Where a submission's page is. */
export const submissionPath = (country: string, id: number) => `/submissions/${country}/${id}`;

/** The server's download routes for a submission's findings and the annotated copy of its file. */
export const downloadPath = (country: string, id: number, file: 'findings.csv' | 'findings.json' | 'annotated') =>
  `/api/submissions/${encodeURIComponent(country)}/${id}/${file}`;
