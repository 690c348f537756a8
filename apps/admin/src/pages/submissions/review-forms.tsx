import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useCan } from '../../auth/use-me.js';
import { formatLocalDateTime, localInputToInstant, zoneLabel } from '../../components/date-time.js';
import { FormError } from '../../components/form-error.js';
import { useTRPC } from '../../trpc.js';
import { RevisionFields, type RevisionValues, revisionInput } from './revision-fields.js';
import { isRevision, useSubmissionDiff } from './submission-diff.js';

interface ReviewProps {
  country: string;
  id: number;
  /** Refreshes the page's data after a change. */
  onChanged: () => Promise<unknown>;
}

/** The coordinator's choices for a submitted file: publish now, schedule the release, or return it. */
export function ReviewForms({ country, id, onChanged }: ReviewProps) {
  const canPublish = useCan('submissions.publish');
  const canSchedule = useCan('submissions.schedule');
  const canReturn = useCan('submissions.return');
  if (!canPublish && !canSchedule && !canReturn) return null;
  return (
    <section aria-labelledby="review-heading" className="review">
      <h2 id="review-heading">Review</h2>
      {(canPublish || canSchedule) && (
        <PublishForm
          country={country}
          id={id}
          onChanged={onChanged}
          canPublish={canPublish}
          canSchedule={canSchedule}
        />
      )}
      {canReturn && <ReturnForm country={country} id={id} onChanged={onChanged} />}
    </section>
  );
}

function PublishForm({
  country,
  id,
  onChanged,
  canPublish,
  canSchedule,
}: ReviewProps & { canPublish: boolean; canSchedule: boolean }) {
  const trpc = useTRPC();
  const diff = useSubmissionDiff(country, id, true);
  const isRequired = isRevision(diff.data);
  const [revision, setRevision] = useState<RevisionValues>({ reason: '', text: '' });
  const [releaseAt, setReleaseAt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const publish = useMutation(trpc.submissions.publish.mutationOptions({ onSuccess: onChanged }));
  const schedule = useMutation(trpc.submissions.schedule.mutationOptions({ onSuccess: onChanged }));
  const failed = [publish, schedule].find((mutation) => mutation.isError);
  const isBusy = publish.isPending || schedule.isPending;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const action = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value;
    if (isRequired && !revision.reason) {
      setProblem('Choose a revision reason: this submission changes or removes published values.');
      return;
    }
    if (action === 'schedule') {
      if (!releaseAt) {
        setProblem('Enter the date and time of the release.');
        return;
      }
      if (new Date(releaseAt).getTime() <= Date.now()) {
        setProblem(
          `The release time ${formatLocalDateTime(new Date(releaseAt), true)} has passed: choose a later one.`,
        );
        return;
      }
      setProblem(null);
      schedule.mutate({ country, id, releaseAt: localInputToInstant(releaseAt), ...revisionInput(revision) });
      return;
    }
    setProblem(null);
    publish.mutate({ country, id, ...revisionInput(revision) });
  };

  return (
    <form className="stacked-form review-form" aria-labelledby="publish-heading" noValidate onSubmit={submit}>
      <h3 id="publish-heading">Publish</h3>
      {diff.isPending && <p role="status">Checking whether published values change…</p>}
      <RevisionFields
        values={revision}
        isRequired={isRequired}
        onChange={(values) => {
          setRevision(values);
          setProblem(null);
        }}
      />
      {canPublish && (
        <button type="submit" value="publish" className="action-button primary" disabled={isBusy || diff.isPending}>
          Publish now
        </button>
      )}
      {canSchedule && (
        <fieldset className="schedule-fields">
          <legend>Or schedule the release</legend>
          <label htmlFor="release-at">Release at (your local time)</label>
          <div className="field-with-note">
            <input
              id="release-at"
              type="datetime-local"
              step={1}
              value={releaseAt}
              aria-describedby="release-zone"
              onChange={(e) => {
                setReleaseAt(e.target.value);
                setProblem(null);
              }}
            />
            <span id="release-zone" className="zone-note">
              {zoneLabel(releaseAt ? new Date(releaseAt) : undefined)}
            </span>
          </div>
          <button type="submit" value="schedule" className="action-button" disabled={isBusy || diff.isPending}>
            Schedule the release
          </button>
        </fieldset>
      )}
      <FormError problem={problem} error={failed?.error} />
    </form>
  );
}

function ReturnForm({ country, id, onChanged }: ReviewProps) {
  const trpc = useTRPC();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const giveBack = useMutation(trpc.submissions.return.mutationOptions({ onSuccess: onChanged }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) {
      setProblem('Write a comment: the focal point needs to know what to correct.');
      return;
    }
    setProblem(null);
    giveBack.mutate({ country, id, comment: comment.trim() });
  };
  return (
    <form className="stacked-form review-form" aria-labelledby="return-heading" noValidate onSubmit={submit}>
      <h3 id="return-heading">Return to the focal point</h3>
      <label>
        Comment for the focal point (required)
        <textarea
          required
          rows={3}
          maxLength={2000}
          value={comment}
          placeholder="What to correct before submitting again"
          onChange={(e) => {
            setComment(e.target.value);
            setProblem(null);
          }}
        />
      </label>
      <FormError problem={problem} error={giveBack.error} />
      <button type="submit" className="action-button" disabled={giveBack.isPending}>
        Return with this comment
      </button>
    </form>
  );
}
