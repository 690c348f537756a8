import { assertCountry, assertOneOf, parseCommandArgs, serverOptions } from '../hub/args.js';
import type { Environment } from '../hub/config.js';
import { downloadToFile } from '../hub/download.js';
import { CliError, ExitCode, UsageError } from '../hub/exit-codes.js';
import { formatReportLinks } from '../hub/format-hub.js';
import { type Hub, openHub, resolveCountry } from '../hub/hub-session.js';
import type { SubmissionJob } from '../hub/hub-types.js';
import { createProgressOutput, formatBytes, formatTransfer, type ProgressOutput } from '../hub/progress.js';
import { sendUpload, type UploadAccepted } from '../hub/send-upload.js';
import { formatDiffOf, formatFindingsOf } from '../hub/submission-report.js';
import { waitForJob } from '../hub/wait-for-job.js';

const modes = ['merge', 'replace', 'delete'] as const;

const uploadOptions = {
  ...serverOptions,
  country: { type: 'string' },
  mode: { type: 'string' },
  'dry-run': { type: 'boolean' },
  wait: { type: 'boolean' },
  progress: { type: 'boolean' },
} as const;

/** Ctrl-C while waiting stops the CLI, not the hub's job: say how to follow or stop it. */
function explainInterrupt(progress: ProgressOutput, country: string, id: number): () => void {
  const onInterrupt = () => {
    progress.end();
    process.stderr.write(
      `\nStopped waiting. The hub goes on checking submission ${id}: \`ilms submissions show ${id} --country ${country}\` shows where it stands, \`ilms submissions cancel ${id} --country ${country}\` stops it.\n`,
    );
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  return () => process.off('SIGINT', onInterrupt);
}

function jobEndedError(job: SubmissionJob, file: string, country: string, id: number): CliError {
  if (job.state === 'cancelled') {
    return new CliError(
      ExitCode.jobEnded,
      `Checking submission ${id} was cancelled before it finished. Upload ${file} again when you are ready.`,
    );
  }
  return new CliError(
    ExitCode.jobEnded,
    `The hub could not check submission ${id}: ${job.error ?? 'no reason was recorded'}\n` +
      `Fix the file if the reason is in it and upload it again; otherwise give the hub's administrators the submission number (${country} ${id}).`,
  );
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function upload(hub: Hub, file: string, country: string, mode: (typeof modes)[number], progress: ProgressOutput) {
  const started = Date.now();
  let announced = false;
  const accepted = await hub.call(() =>
    sendUpload({
      login: hub.login,
      filePath: file,
      country,
      mode,
      onProgress: (sent, total) => {
        if (!announced) {
          announced = true;
          progress.line(`Uploading ${file} (${formatBytes(total)}) to ${hub.login.url} for ${country}, ${mode} mode`);
        }
        progress.live(`Sending ${formatTransfer(sent, total)}`);
      },
    }),
  );
  progress.line(
    accepted.isExisting
      ? `This file was uploaded before for ${accepted.country}: it is submission ${accepted.submissionId}.`
      : `Uploaded: submission ${accepted.submissionId} of ${accepted.country} (${formatBytes(accepted.fileSize)} in ${seconds(started)}).`,
  );
  return accepted;
}

/** Downloads the findings next to the file, shows the diff, then deletes the draft it made. */
async function finishDryRun(hub: Hub, file: string, accepted: UploadAccepted, status: string) {
  const { submissionId: id, country } = accepted;
  const report = `${file}.findings.csv`;
  await hub.call(() => downloadToFile(hub.login, `/api/submissions/${country}/${id}/findings.csv`, report));
  process.stdout.write(`Findings written to ${report}\n`);
  if (accepted.isExisting) {
    process.stdout.write(
      `Dry run: submission ${id} (${status}) was uploaded before this run, so it stays on the hub.\n`,
    );
    return;
  }
  await hub.call((c) => c.submissions.delete.mutate({ country, id }));
  process.stdout.write(`Dry run: submission ${id} was deleted from the hub; nothing was kept.\n`);
}

/** A dry run tries not to leave a failed submission behind; the job's failure is what matters. */
async function deleteAfterFailure(hub: Hub, country: string, id: number) {
  try {
    await hub.call((c) => c.submissions.delete.mutate({ country, id }));
    process.stderr.write(`Dry run: submission ${id} was deleted from the hub.\n`);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    process.stderr.write(`Dry run: submission ${id} stays on the hub as it is: ${error.message}\n`);
  }
}

export async function uploadCommand(args: string[], env: Environment): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, uploadOptions);
  const [file, extra] = positionals;
  if (file === undefined) throw new UsageError('ilms upload needs a file: `ilms upload data.csv --country LAO`.');
  if (extra !== undefined) throw new UsageError(`ilms upload takes one file; "${extra}" is one too many.`);
  const mode = assertOneOf(values.mode, modes, '--mode') ?? 'merge';
  const isDryRun = values['dry-run'] ?? false;
  const isWaiting = values.wait ?? true;
  if (isDryRun && !isWaiting) {
    throw new UsageError(
      '--dry-run waits for the check to end (to show the findings and delete the draft); drop --no-wait.',
    );
  }
  const hub = await openHub(values, env);
  const country = await resolveCountry(hub, assertCountry(values.country));
  if (country === undefined) throw new UsageError('Name the country with --country XXX.');
  const progress = createProgressOutput(process.stderr, values.progress ?? process.stderr.isTTY === true);

  const accepted = await upload(hub, file, country, mode, progress);
  const id = accepted.submissionId;
  if (!isWaiting) {
    process.stdout.write(
      `Submission ${id} is being checked on the hub. \`ilms submissions show ${id} --country ${country}\` shows where it stands.\n`,
    );
    return ExitCode.ok;
  }
  const stopExplaining = explainInterrupt(progress, country, id);
  const checkStarted = Date.now();
  const job = await waitForJob(hub, country, id, progress).finally(stopExplaining);
  if (job) progress.line(`Check ${job.state} after ${seconds(checkStarted)}.`);
  if (job && (job.state === 'failed' || job.state === 'cancelled')) {
    if (isDryRun && !accepted.isExisting) await deleteAfterFailure(hub, country, id);
    throw jobEndedError(job, file, country, id);
  }

  const submission = await hub.call((c) => c.submissions.get.query({ country, id }));
  const rows = submission.row_count;
  process.stdout.write(
    `\nSubmission ${id} of ${country}: ${submission.status}; ${rows.toLocaleString('en')} ${rows === 1 ? 'row' : 'rows'} staged\n`,
  );
  process.stdout.write(await formatFindingsOf(hub, country, id, submission.findings));
  process.stdout.write(`\n${await formatDiffOf(hub, country, id)}`);
  if (isDryRun) await finishDryRun(hub, file, accepted, submission.status);
  else process.stdout.write(`\n${formatReportLinks(hub.login.url, country, id)}`);

  const errors = submission.error_count;
  if (errors > 0) {
    process.stdout.write(
      `\nThe file has ${errors.toLocaleString('en')} ${errors === 1 ? 'error: fix it' : 'errors: fix them'}${isDryRun ? '' : ' in your file and upload it again'} before it can be submitted.\n`,
    );
    return ExitCode.fileHasErrors;
  }
  if (!isDryRun && submission.status === 'draft') {
    process.stdout.write(
      `\nNo errors. Send it for review with \`ilms submissions submit ${id} --country ${country}\`.\n`,
    );
  }
  return ExitCode.ok;
}
