import { stagedStatuses } from '@ilms/domain/submission-status';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { errorText } from '../../auth/error-text.js';
import { DateTime } from '../../components/date-time.js';
import { PageHeading } from '../../components/page-heading.js';
import { useTRPC } from '../../trpc.js';
import { JobProgress } from './job-progress.js';
import { ReviewForms } from './review-forms.js';
import { SubmissionActions } from './submission-actions.js';
import { SubmissionDiffPreview } from './submission-diff.js';
import { SubmissionFacts } from './submission-facts.js';
import { SubmissionFindings } from './submission-findings.js';
import { SubmissionHistory } from './submission-history.js';
import { ReleaseNotice, VintageFacts } from './submission-release.js';
import { StatusBadge } from './submission-status.js';
import type { SubmissionDetail } from './submission-types.js';

/** Statuses whose staged rows can still be compared with the published data. */
const comparable = stagedStatuses;
/** Statuses of a file the check went through to the end, so its findings are there to read. */
const checked = new Set([...comparable, 'published']);

/** One submission: where it stands, what the checks found, what it would change, and what to do next. */
export function SubmissionPage() {
  const params = useParams();
  const isExistingUpload = (useLocation().state as { isExisting?: boolean } | null)?.isExisting === true;
  const country = params.country ?? '';
  const id = Number(params.id);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = { country, id };
  const submission = useQuery(
    trpc.submissions.get.queryOptions(key, {
      enabled: Number.isInteger(id) && id > 0,
      // A scheduled release is published by the server at its time: keep looking until it is.
      refetchInterval: (query) => (query.state.data?.status === 'scheduled' ? 2_000 : false),
    }),
  );
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.submissions.get.queryKey(key) }),
      queryClient.invalidateQueries({ queryKey: trpc.submissions.list.pathKey() }),
    ]);

  if (!Number.isInteger(id) || id <= 0) {
    return (
      <>
        <PageHeading>Submission not found</PageHeading>
        <p role="alert">“{params.id}” is not a submission number.</p>
        <Link to="/submissions">All submissions</Link>
      </>
    );
  }
  if (submission.isPending) return <p role="status">Loading submission {id}…</p>;
  if (submission.isError) {
    return (
      <>
        <PageHeading>Submission {id}</PageHeading>
        <p role="alert">{errorText(submission.error)}</p>
        <Link to="/submissions">All submissions</Link>
      </>
    );
  }
  const data = submission.data;
  const findings = checked.has(data.status) && (
    <SubmissionFindings country={country} id={id} fileName={data.file_name} hasFile={data.file_purged_at === null} />
  );
  // Errors are what a focal point must deal with first; otherwise what the file changes matters most.
  const findingsFirst = data.error_count > 0;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/submissions">Submissions</Link> › <Link to={`/submissions?country=${country}`}>{country}</Link> ›{' '}
        {id}
      </p>
      <PageHeading>
        Submission {id} <StatusBadge status={data.status} />
      </PageHeading>
      {isExistingUpload && (
        <p role="status" className="notice">
          You uploaded this same file before: this is the submission it made, so nothing new was stored.
        </p>
      )}
      <SubmissionFacts submission={data} />
      {data.status === 'processing' && <JobProgress country={country} id={id} onEnd={refresh} />}
      {data.status === 'failed' && (
        <div role="alert" className="alert">
          <h2>The check of this file failed</h2>
          <p>{data.job?.error ?? 'The job stopped without saying why.'}</p>
          <p>
            Correct the file and <Link to={`/submissions/upload?country=${country}`}>upload it again</Link>.
          </p>
        </div>
      )}
      {data.status === 'cancelled' && (
        <p className="notice">
          The check was cancelled before it ended, so nothing of this file was kept for review.{' '}
          <Link to={`/submissions/upload?country=${country}`}>Upload a file</Link> to start again.
        </p>
      )}
      {data.status === 'returned' && <ReturnedNotice events={data.events} />}
      {data.status === 'scheduled' && data.release && <ReleaseNotice release={data.release} />}
      {data.vintage && <VintageFacts vintage={data.vintage} />}
      {findingsFirst && findings}
      {comparable.has(data.status) && <SubmissionDiffPreview country={country} id={id} />}
      {!findingsFirst && findings}
      <SubmissionActions submission={data} onChanged={refresh} />
      {data.status === 'submitted' && <ReviewForms country={country} id={id} onChanged={refresh} />}
      <SubmissionHistory events={data.events} />
    </>
  );
}

/** The coordinator's latest comment, where the focal point looks first. */
function ReturnedNotice({ events }: { events: SubmissionDetail['events'] }) {
  const latest = events.findLast((event) => event.status === 'returned');
  return (
    <div className="alert returned" role="note" aria-labelledby="returned-heading">
      <h2 id="returned-heading">Returned for corrections</h2>
      {latest?.comment && <blockquote className="comment">{latest.comment}</blockquote>}
      <p>
        {latest?.actor_email ?? 'A coordinator'}
        {latest && (
          <>
            {', '}
            <DateTime value={latest.occurred_at} withZone />
          </>
        )}
        . Correct the file and upload it again, or submit this one again if it is right as it is.
      </p>
    </div>
  );
}
