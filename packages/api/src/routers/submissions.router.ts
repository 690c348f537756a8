import { listSubmissions } from '@ilms/db';
import { revisionReasonSchema, submissionStatuses } from '@ilms/domain';
import { z } from 'zod';
import { previewDiff } from '../services/diff.service.js';
import { cancelProcessing, describeJob } from '../services/job.service.js';
import { publishSubmission } from '../services/publish.service.js';
import { cancelRelease, scheduleRelease } from '../services/release.service.js';
import { createSubmission, describeSubmission, pageSubmissionFindings } from '../services/submission.service.js';
import { deleteDraft, returnSubmission, submitSubmission } from '../services/submission-lifecycle.service.js';
import { registerUpload } from '../services/upload.service.js';
import { publicProcedure, router } from '../trpc.js';

const country = z.string().regex(/^[A-Z]{3}$/);
/** Every call about one submission names its country too, so the permission map can scope it. */
const ref = z.object({ country, id: z.number().int().positive() });
const mode = z.enum(['merge', 'replace', 'delete']).default('merge');
const revision = {
  revisionReason: revisionReasonSchema.optional(),
  revisionText: z.string().trim().max(2000).optional(),
};

export const submissionsRouter = router({
  create: publicProcedure
    .input(
      z.object({
        country,
        mode,
        filePath: z.string().min(1),
        fileName: z.string().min(1).max(255).optional(),
      }),
    )
    .mutation(({ ctx, input }) => createSubmission(ctx, input)),

  /** Registers the file the upload route received (`ctx.receivedFile`); not callable without one. */
  upload: publicProcedure
    .input(z.object({ country, mode, fileName: z.string().trim().min(1).max(255) }))
    .mutation(({ ctx, input }) => registerUpload(ctx, input)),

  job: publicProcedure.input(ref).query(({ ctx, input: { country, id } }) => describeJob(ctx, country, id)),

  cancel: publicProcedure.input(ref).mutation(({ ctx, input: { country, id } }) => cancelProcessing(ctx, country, id)),

  get: publicProcedure.input(ref).query(({ ctx, input: { country, id } }) => describeSubmission(ctx, country, id)),

  list: publicProcedure
    .input(
      z.object({
        country: country.optional(),
        status: z.enum(submissionStatuses).optional(),
        indicator: z.string().min(1).optional(),
        before: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => listSubmissions(ctx.db, input)),

  findings: publicProcedure
    .input(
      ref.extend({
        code: z.string().min(1).optional(),
        severity: z.enum(['error', 'warning']).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      }),
    )
    .query(({ ctx, input: { country, id, ...page } }) => pageSubmissionFindings(ctx, country, id, page)),

  diff: publicProcedure
    .input(ref.extend({ sampleSize: z.number().int().min(0).max(200).default(20) }))
    .query(({ ctx, input: { country, id, sampleSize } }) => previewDiff(ctx, country, id, sampleSize)),

  submit: publicProcedure.input(ref).mutation(({ ctx, input: { country, id } }) => submitSubmission(ctx, country, id)),

  publish: publicProcedure
    .input(ref.extend(revision))
    .mutation(({ ctx, input: { country, id, ...note } }) => publishSubmission(ctx, country, id, note)),

  schedule: publicProcedure
    .input(ref.extend({ releaseAt: z.iso.datetime({ offset: true }), ...revision }))
    .mutation(({ ctx, input: { country, id, releaseAt, ...note } }) =>
      scheduleRelease(ctx, country, id, new Date(releaseAt), note),
    ),

  cancelRelease: publicProcedure
    .input(ref)
    .mutation(({ ctx, input: { country, id } }) => cancelRelease(ctx, country, id)),

  return: publicProcedure
    .input(ref.extend({ comment: z.string().trim().min(1).max(2000) }))
    .mutation(({ ctx, input: { country, id, comment } }) => returnSubmission(ctx, country, id, comment)),

  delete: publicProcedure.input(ref).mutation(({ ctx, input: { country, id } }) => deleteDraft(ctx, country, id)),
});
