import { setTimeout as sleep } from 'node:timers/promises';
import { CliError, ExitCode } from './exit-codes.js';
import type { Hub } from './hub-session.js';
import type { SubmissionJob } from './hub-types.js';
import { describePhase, formatJobProgress, type ProgressOutput } from './progress.js';

const POLL_MS = 500;
/** A hub that restarts mid-job is back within seconds; past this, say it cannot be reached. */
const MISSED_POLLS_ALLOWED = 20;

export const isJobActive = (job: Pick<SubmissionJob, 'state'> | null) =>
  job !== null && (job.state === 'queued' || job.state === 'running');

/**
 * Polls `submissions.job` until the job ends, showing its phase, rows and a bar while it runs
 * and one line per phase in plain output. Null: the submission has no job (checked before).
 */
export async function waitForJob(
  hub: Hub,
  country: string,
  id: number,
  progress: ProgressOutput,
): Promise<SubmissionJob | null> {
  let lastPhase = '';
  let missed = 0;
  for (;;) {
    let job: SubmissionJob | null;
    try {
      job = await hub.call((c) => c.submissions.job.query({ country, id }));
      missed = 0;
    } catch (error) {
      if (!(error instanceof CliError && error.exitCode === ExitCode.unreachable) || missed >= MISSED_POLLS_ALLOWED) {
        throw error;
      }
      missed += 1;
      await sleep(POLL_MS * 2);
      continue;
    }
    if (!isJobActive(job)) {
      progress.end();
      return job;
    }
    if (job && job.phase !== lastPhase) {
      lastPhase = job.phase;
      progress.line(
        `Checking on the hub: ${describePhase(job.phase)}${job.attempt > 1 ? ` (attempt ${job.attempt})` : ''}`,
      );
    }
    if (job) progress.live(`Checking: ${formatJobProgress(job)}`);
    await sleep(POLL_MS);
  }
}
