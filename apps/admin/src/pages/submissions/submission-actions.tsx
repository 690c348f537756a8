import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../auth/use-me.js';
import { FormError } from '../../components/form-error.js';
import { useTRPC } from '../../trpc.js';
import type { SubmissionDetail } from './submission-types.js';

interface SubmissionActionsProps {
  submission: SubmissionDetail;
  onChanged: () => Promise<unknown>;
}

/** The focal point's steps on a draft (submit, delete) and the way back from a scheduled release. */
export function SubmissionActions({ submission, onChanged }: SubmissionActionsProps) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { country, id, status } = submission;
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const submit = useMutation(trpc.submissions.submit.mutationOptions({ onSuccess: onChanged }));
  const remove = useMutation(
    trpc.submissions.delete.mutationOptions({ onSuccess: () => navigate('/submissions', { replace: true }) }),
  );
  const cancelRelease = useMutation(trpc.submissions.cancelRelease.mutationOptions({ onSuccess: onChanged }));
  const isOpen = status === 'draft' || status === 'returned';
  const canSubmit = useCan('submissions.submit') && isOpen;
  // A failed or cancelled upload may be deleted too; its file can then be sent again.
  const canDelete = useCan('submissions.delete') && (isOpen || status === 'failed' || status === 'cancelled');
  const canCancelRelease = useCan('submissions.cancelRelease') && status === 'scheduled';
  if (!canSubmit && !canDelete && !canCancelRelease) return null;
  const failed = [submit, remove, cancelRelease].find((mutation) => mutation.isError);
  const hasErrors = submission.error_count > 0;

  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      {canSubmit && hasErrors && (
        <p className="notice">
          The file has {submission.error_count} error{submission.error_count === 1 ? '' : 's'}: fix{' '}
          {submission.error_count === 1 ? 'it' : 'them'} in your file (the annotated copy under Findings shows where)
          and <Link to={`/submissions/upload?country=${country}`}>upload the corrected file</Link>. A file can be
          submitted once it has no errors.
        </p>
      )}
      <div className="row-actions">
        {canSubmit && (
          <button
            type="button"
            className="action-button primary"
            disabled={hasErrors || submit.isPending}
            onClick={() => submit.mutate({ country, id })}
          >
            Submit for review
          </button>
        )}
        {canDelete && !isConfirmingDelete && (
          <button type="button" className="action-button" onClick={() => setIsConfirmingDelete(true)}>
            Delete this {status === 'draft' ? 'draft' : 'submission'}
          </button>
        )}
        {canCancelRelease && (
          <button
            type="button"
            className="action-button"
            disabled={cancelRelease.isPending}
            onClick={() => cancelRelease.mutate({ country, id })}
          >
            Cancel the scheduled release
          </button>
        )}
      </div>
      {isConfirmingDelete && (
        <div className="confirm">
          <p>Delete submission {id} and its file, findings and staged rows? Published data is not touched.</p>
          <div className="row-actions">
            <button
              type="button"
              className="action-button danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ country, id })}
            >
              Yes, delete it
            </button>
            <button type="button" className="action-button" onClick={() => setIsConfirmingDelete(false)}>
              Keep it
            </button>
          </div>
        </div>
      )}
      <FormError error={failed?.error} />
    </section>
  );
}
