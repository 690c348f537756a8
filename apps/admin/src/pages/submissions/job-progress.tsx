import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { errorText } from '../../auth/error-text.js';
import { useCan } from '../../auth/use-me.js';
import { DateTime } from '../../components/date-time.js';
import { FormError } from '../../components/form-error.js';
import { ProgressLine } from '../../components/progress-line.js';
import { formatBytes, formatCount } from '../../format/numbers.js';
import { useTRPC } from '../../trpc.js';
import type { SubmissionJob } from './submission-types.js';

const phaseLabels: Record<SubmissionJob['phase'], string> = {
  queued: 'Waiting for a worker',
  loading: 'Fetching the stored file',
  validating: 'Checking every row against the catalogue',
  checking: 'Checking the file as a whole and against the published data',
  done: 'Done',
};

const isActive = (job: SubmissionJob | null | undefined) => job?.state === 'queued' || job?.state === 'running';

interface JobProgressProps {
  country: string;
  id: number;
  /** Called once when the job is seen to have ended (succeeded, failed or cancelled). */
  onEnd: (job: SubmissionJob) => void;
}

/** The validation job of a submission while it runs: phase, bytes and rows read, and a way to stop it. */
export function JobProgress({ country, id, onEnd }: JobProgressProps) {
  const trpc = useTRPC();
  const canCancel = useCan('submissions.cancel');
  const job = useQuery(
    trpc.submissions.job.queryOptions(
      { country, id },
      {
        // Until the job is seen, and while it runs; a job not there yet (null) is looked for again too.
        refetchInterval: (query) => (!query.state.data || isActive(query.state.data) ? 500 : false),
        staleTime: 0,
      },
    ),
  );
  const cancel = useMutation(trpc.submissions.cancel.mutationOptions({ onSuccess: () => job.refetch() }));
  const data = job.data;
  const hasEnded = !!data && !isActive(data);
  // Report the end once, not on every poll.
  useEffect(() => {
    if (data && hasEnded) onEnd(data);
  }, [hasEnded]);

  if (job.isError) return <p role="alert">Could not read the progress of the check: {errorText(job.error)}</p>;
  if (!data) return <p role="status">Waiting for the check to start…</p>;
  return (
    <section className="job-progress" aria-labelledby="job-heading">
      <h2 id="job-heading">Checking the file</h2>
      <p role="status" aria-live="polite">
        <strong>{phaseLabels[data.phase]}</strong>
        {data.state === 'queued' ? ' (queued)' : ''}
        {data.attempt > 1 ? ` · attempt ${data.attempt} of ${data.maxAttempts}` : ''}
        {data.cancelRequested && isActive(data) ? ' · stopping as you asked…' : ''}
      </p>
      <ProgressLine
        label="File read"
        done={data.bytesRead}
        total={data.bytesTotal}
        detail={`${formatBytes(data.bytesRead)}${data.bytesTotal > 0 ? ` of ${formatBytes(data.bytesTotal)}` : ''}`}
      />
      <p>
        {formatCount(data.rowsRead)} row{data.rowsRead === 1 ? '' : 's'} read · last update{' '}
        <DateTime value={data.updatedAt} withSeconds withZone />
      </p>
      <FormError error={cancel.error} />
      {canCancel && isActive(data) && (
        <button
          type="button"
          className="action-button"
          disabled={cancel.isPending || data.cancelRequested}
          onClick={() => cancel.mutate({ country, id })}
        >
          {data.cancelRequested ? 'Cancelling…' : 'Cancel the check'}
        </button>
      )}
    </section>
  );
}
