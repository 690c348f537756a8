import {
  changeSubmissionStatus,
  inTransaction,
  listIdleQueuedImportJobs,
  reapStaleImportJobs,
  touchQueuedImportJob,
} from '@ilms/db';
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
      // The history says why: still processing (again), failed, or cancelled.
      const status = job.state === 'queued' ? ('processing' as const) : job.state;
      const change = { submissionId: job.submission_id, status, actorId: null, now: deps.now(), comment: job.error };
      await changeSubmissionStatus(trx, change);
    }
    return jobs;
  });
  for (const job of reaped) {
    deps.log.error({ submissionId: job.submission_id, worker: job.worker, state: job.state }, job.error);
    // The dead attempt's message would otherwise wait for pg-boss's expiry.
    if (job.queue_job_id) await deps.queue.retireMessage(job.queue_job_id).catch(() => {});
  }
  return reaped.length;
}

/**
 * Sends again the message of a queued job whose message was lost: taken by a worker that died
 * before claiming the job, or failed by the queue. Returns how many were sent again.
 */
export async function resendLostImports(deps: ImportWorkerDeps, staleSeconds: number): Promise<number> {
  let resent = 0;
  for (const job of await listIdleQueuedImportJobs(deps.db, staleSeconds)) {
    if (job.queue_job_id && (await deps.queue.isMessageWaiting(job.queue_job_id))) continue;
    const isResent = await inTransaction(deps.db, async (trx) => {
      if (!(await touchQueuedImportJob(trx, job.submission_id, job.queue_job_id))) return false;
      await sendImportMessage(trx, deps.queue, job.submission_id);
      return true;
    });
    if (isResent) {
      resent++;
      if (job.queue_job_id) await deps.queue.retireMessage(job.queue_job_id).catch(() => {});
      deps.log.error({ submissionId: job.submission_id }, 'the message of a queued job was lost; sent again');
    }
  }
  return resent;
}
