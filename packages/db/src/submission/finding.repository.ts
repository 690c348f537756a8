import type { Finding } from '@ilms/domain';
import { sql } from 'kysely';
import type { Db } from '../create-db.js';
import { batchLines, copyField, copyText } from './copy-rows.js';
import type { FindingOrigin, Severity } from './submission.schema.js';

/** A finding as stored with a submission: the domain's, whichever check found it. */
export type SubmissionFinding = Finding;

async function* toCopyLines(
  submissionId: number,
  origin: FindingOrigin,
  findings: AsyncIterable<SubmissionFinding> | Iterable<SubmissionFinding>,
) {
  for await (const f of findings) {
    yield `${[submissionId, origin, f.code, f.severity, f.line, f.column, f.value, f.expected, f.message].map(copyField).join('\t')}\n`;
  }
}

/** Writes the validator's findings with COPY, as they come. */
export async function copyFindings(
  db: Db,
  submissionId: number,
  findings: AsyncIterable<SubmissionFinding> | Iterable<SubmissionFinding>,
): Promise<number> {
  return copyText(
    db,
    'copy finding (submission_id, origin, code, severity, line, column_name, value, expected, message) from stdin',
    batchLines(toCopyLines(submissionId, 'file', findings)),
  );
}

export async function deleteFindings(db: Db, submissionId: number, origin: FindingOrigin): Promise<void> {
  await db.deleteFrom('finding').where('submission_id', '=', submissionId).where('origin', '=', origin).execute();
}

/** Counts per code, errors first, with the first line of each. */
export async function groupFindings(db: Db, submissionId: number) {
  return db
    .selectFrom('finding')
    .select(['code', 'severity', sql<number>`count(*)::int`.as('count'), sql<number>`min(line)`.as('first_line')])
    .where('submission_id', '=', submissionId)
    .groupBy(['code', 'severity'])
    .orderBy(sql`severity = 'error'`, 'desc')
    .orderBy('code')
    .execute();
}

export interface FindingPage {
  code?: string | undefined;
  severity?: Severity | undefined;
  offset: number;
  limit: number;
}

/** One page of findings in file order. */
export async function pageFindings(db: Db, submissionId: number, page: FindingPage) {
  let query = db
    .selectFrom('finding')
    .select(['code', 'severity', 'line', 'column_name as column', 'value', 'expected', 'message'])
    .where('submission_id', '=', submissionId)
    .orderBy('line')
    .orderBy('id')
    .offset(page.offset)
    .limit(page.limit);
  if (page.code) query = query.where('code', '=', page.code);
  if (page.severity) query = query.where('severity', '=', page.severity);
  return query.execute();
}
