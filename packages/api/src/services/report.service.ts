import {
  type ExportedFinding,
  groupFindings,
  readSubmissionFile,
  type SubmissionStatus,
  streamFindings,
} from '@ilms/db';
import { FINDINGS_CSV_HEADER, formatFindingLine, reportBaseName, streamAnnotatedCopy } from '@ilms/ingest';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';
import { requireSubmission } from './submission.service.js';

/** A report to save as a file: produced as it is read, so neither it nor its source is held whole. */
export interface Report {
  /** The name to save it under: the submission's file name with the report's suffix. */
  fileName: string;
  contentType: string;
  body: AsyncIterable<string>;
}

/** The raw file is gone (the retention rule deleted it); its findings remain. */
export class FilePurgedError extends DomainError {
  override name = 'FilePurgedError';
  constructor(id: number, purgedAt: Date) {
    super(
      'NOT_FOUND',
      `The file of submission ${id} was deleted on ${purgedAt.toISOString().slice(0, 10)}: it is past the retention period, so no annotated copy can be made. Download the findings report (findings.csv or findings.json) instead.`,
    );
  }
}

type Ctx = Pick<Context, 'db'>;

const uncheckedReasons: Partial<Record<SubmissionStatus, string>> = {
  processing:
    'is still being checked, so its findings are not complete. Download the reports when processing has ended.',
  failed:
    'could not be processed, so no findings were recorded. See the error on its page, correct the file and upload it again.',
  cancelled: 'was cancelled before its findings were recorded. Upload the file again to have it checked.',
};

/** A submission whose file was checked to the end, so its findings are complete. */
async function requireChecked(ctx: Ctx, country: string, id: number) {
  const submission = await requireSubmission(ctx, country, id);
  const reason = uncheckedReasons[submission.status];
  if (reason) throw new DomainError('CONFLICT', `Submission ${id} of ${country} ${reason}`);
  return submission;
}

const asDomainFinding = ({ id: _, ...finding }: ExportedFinding) => finding;

async function* findingsCsv(ctx: Ctx, id: number): AsyncGenerator<string> {
  // The byte-order mark tells Excel the file is UTF-8, so Lao, Khmer or Thai text shows as written.
  yield `\uFEFF${FINDINGS_CSV_HEADER}`;
  let text = '';
  for await (const finding of streamFindings(ctx.db, id)) {
    text += formatFindingLine(asDomainFinding(finding));
    if (text.length >= 65_536) {
      yield text;
      text = '';
    }
  }
  if (text !== '') yield text;
}

/** The findings as CSV, the columns and quoting of the findings.csv `ilms validate` writes. */
export async function reportFindingsCsv(ctx: Ctx, country: string, id: number): Promise<Report> {
  const submission = await requireChecked(ctx, country, id);
  return {
    fileName: `${reportBaseName(submission.file_name)}.findings.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: findingsCsv(ctx, id),
  };
}

async function* findingsJson(ctx: Ctx, submission: object, id: number): AsyncGenerator<string> {
  const summary = await groupFindings(ctx.db, id);
  yield `{"submission":${JSON.stringify(submission)},\n"summary":${JSON.stringify(summary)},\n"findings":[`;
  let text = '';
  let separator = '\n';
  for await (const finding of streamFindings(ctx.db, id)) {
    text += separator + JSON.stringify(asDomainFinding(finding));
    separator = ',\n';
    if (text.length >= 65_536) {
      yield text;
      text = '';
    }
  }
  yield `${text}\n]}\n`;
}

/** The submission, its findings by code and every finding, as one JSON document. */
export async function reportFindingsJson(ctx: Ctx, country: string, id: number): Promise<Report> {
  const submission = await requireChecked(ctx, country, id);
  return {
    fileName: `${reportBaseName(submission.file_name)}.findings.json`,
    contentType: 'application/json; charset=utf-8',
    body: findingsJson(ctx, submission, id),
  };
}

/**
 * The user's own file with `_finding_code` and `_finding_message` on each row, as `ilms validate`
 * writes it: the stored bytes read back a chunk at a time beside the findings in line order.
 */
export async function reportAnnotatedCopy(ctx: Ctx, country: string, id: number): Promise<Report> {
  const submission = await requireChecked(ctx, country, id);
  if (submission.file_purged_at) throw new FilePurgedError(id, submission.file_purged_at);
  return {
    fileName: `${reportBaseName(submission.file_name)}.annotated.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: streamAnnotatedCopy(readSubmissionFile(ctx.db, id), streamFindings(ctx.db, id)),
  };
}
