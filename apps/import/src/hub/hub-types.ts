import type { AppRouter } from '@ilms/api';
import type { inferRouterOutputs } from '@trpc/server';

/** What the hub's `submissions` procedures answer, as the CLI receives them (dates as ISO strings). */
type SubmissionOutputs = inferRouterOutputs<AppRouter>['submissions'];

export type SubmissionListRow = SubmissionOutputs['list'][number];
export type SubmissionDetail = SubmissionOutputs['get'];
export type SubmissionJob = NonNullable<SubmissionOutputs['job']>;
export type SubmissionDiff = SubmissionOutputs['diff'];
