import { changeSubmissionStatus, inTransaction, reapStaleImportJobs } from '@ilms/db';
import type { ImportWorkerDeps } from './import-job.js';
import { sendImportMessage } from './import-job.js';

/**
 * Takes back the jobs of workers that stopped reporting (killed, machine lost): each is queued
 * again while attempts remain, otherwise failed with the reason on its submission. One
 * transaction, so a job is never left queued without a message. Any worker may run it.
 */
export async function reapDeadImports(deps: ImportWorkerDeps, staleSeconds: number): Promise<number> {
  const reaped = await inTransaction(deps.db, async (trx) => {
    const jobs = await reapStaleImportJobs(trx, staleSeconds);
    for (const job of jobs) {
      if (job.state === 'queued') await sendImportMessage(trx, deps.queue, job.submission_id);
      // The history says why: still processing (again), or failed.
      const status = job.state === 'queued' ? ('processing' as const) : ('failed' as const);
      const change = { submissionId: job.submission_id, status, actorId: null, now: deps.now(), comment: job.error };
      await changeSubmissionStatus(trx, change);
    }
    return jobs;
  });
  for (const job of reaped) {
    deps.log.error({ submissionId: job.submission_id, worker: job.worker, state: job.state }, job.error);
    // The dead attempt's message would otherwise wait for pg-boss's expiry.
    if (job.queue_job_id) await deps.queue.failMessage(job.queue_job_id, job.error).catch(() => {});
  }
  return reaped.length;
}
