import { submissionStatuses } from '@ilms/domain';
import { assertCountry, assertOneOf, parseCommandArgs, parseSubmissionId, serverOptions } from '../hub/args.js';
import type { Environment } from '../hub/config.js';
import { ExitCode, UsageError } from '../hub/exit-codes.js';
import {
  formatEvents,
  formatPublication,
  formatReportLinks,
  formatSubmissionHeader,
  formatSubmissionList,
} from '../hub/format-hub.js';
import { type Hub, openHub, resolveCountry } from '../hub/hub-session.js';
import { formatJobProgress } from '../hub/progress.js';
import { formatDiffOf, formatFindingsOf } from '../hub/submission-report.js';
import { isJobActive } from '../hub/wait-for-job.js';

const listOptions = {
  ...serverOptions,
  country: { type: 'string' },
  status: { type: 'string' },
  indicator: { type: 'string' },
  limit: { type: 'string' },
} as const;

const oneOptions = { ...serverOptions, country: { type: 'string' } } as const;

async function list(args: string[], env: Environment): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, listOptions);
  if (positionals.length > 0) throw new UsageError(`ilms submissions list takes no "${positionals[0]}".`);
  const status = assertOneOf(values.status, submissionStatuses, '--status');
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    throw new UsageError(`--limit must be a whole number from 1 to 200, not "${values.limit}".`);
  }
  const hub = await openHub(values, env);
  const country = await resolveCountry(hub, assertCountry(values.country), true);
  const indicator = values.indicator?.trim().toUpperCase();
  const rows = await hub.call((c) =>
    c.submissions.list.query({ country, status, indicator: indicator || undefined, limit }),
  );
  process.stdout.write(formatSubmissionList(rows));
  if (rows.length === limit) process.stdout.write(`(the ${limit} newest shown; --limit 200 shows more)\n`);
  return ExitCode.ok;
}

/** Parses `<id> [--country XXX]` and finds the country: given, or the account's only one. */
async function openOne(args: string[], env: Environment, command: string): Promise<[Hub, string, number]> {
  const { values, positionals } = parseCommandArgs(args, oneOptions);
  const id = parseSubmissionId(positionals[0], `ilms submissions ${command}`);
  const hub = await openHub(values, env);
  const country = await resolveCountry(hub, assertCountry(values.country));
  if (country === undefined) throw new UsageError('Name the country with --country XXX.');
  return [hub, country, id];
}

async function show(args: string[], env: Environment): Promise<number> {
  const [hub, country, id] = await openOne(args, env, 'show');
  const submission = await hub.call((c) => c.submissions.get.query({ country, id }));
  const out: string[] = [formatSubmissionHeader(submission), formatEvents(submission.events)];
  const publication = formatPublication(submission.release, submission.vintage);
  if (publication) out.push(publication);
  const { job } = submission;
  if (job) {
    const state = isJobActive(job) ? `${job.state}: ${formatJobProgress(job)}` : job.state;
    out.push(`Checking job: ${state}${job.error ? `\n  ${job.error}` : ''}\n`);
  }
  if (submission.status !== 'processing') {
    out.push(await formatFindingsOf(hub, country, id, submission.findings));
    if (submission.status !== 'failed' && submission.status !== 'cancelled')
      out.push(await formatDiffOf(hub, country, id));
    out.push(formatReportLinks(hub.login.url, country, id));
  }
  process.stdout.write(out.join('\n'));
  return ExitCode.ok;
}

async function submit(args: string[], env: Environment): Promise<number> {
  const [hub, country, id] = await openOne(args, env, 'submit');
  await hub.call((c) => c.submissions.submit.mutate({ country, id }));
  process.stdout.write(`Submission ${id} of ${country} is submitted: the coordinator reviews it next.\n`);
  return ExitCode.ok;
}

async function cancel(args: string[], env: Environment): Promise<number> {
  const [hub, country, id] = await openOne(args, env, 'cancel');
  const { status } = await hub.call((c) => c.submissions.cancel.mutate({ country, id }));
  process.stdout.write(
    status === 'cancelled'
      ? `Submission ${id} of ${country} is cancelled: its file will not be checked.\n`
      : `Cancelling submission ${id} of ${country}: the hub stops checking it within a second and keeps nothing of it.\n`,
  );
  return ExitCode.ok;
}

const subcommands: Record<string, (args: string[], env: Environment) => Promise<number>> = {
  list,
  show,
  submit,
  cancel,
};

export async function submissionsCommand(args: string[], env: Environment): Promise<number> {
  const [name, ...rest] = args;
  const run = name === undefined ? undefined : subcommands[name];
  if (!run) {
    throw new UsageError(
      name === undefined
        ? 'ilms submissions needs one of: list, show, submit, cancel.'
        : `"${name}" is not a submissions command; use list, show, submit or cancel.`,
    );
  }
  return run(rest, env);
}
