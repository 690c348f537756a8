import { DateTime } from '../../components/date-time.js';
import { formatBytes, formatCount } from '../../format/numbers.js';
import { modeLabels } from './submission-status.js';
import type { SubmissionDetail } from './submission-types.js';

/** The file and its counts: what was uploaded, by whom, when, and how it is applied. */
export function SubmissionFacts({ submission }: { submission: SubmissionDetail }) {
  return (
    <dl className="facts">
      <dt>File</dt>
      <dd>
        <span className="file-name">{submission.file_name}</span> ({formatBytes(submission.file_size)})
        {submission.file_purged_at && (
          <span className="cell-note">
            {' '}
            · stored file removed <DateTime value={submission.file_purged_at} withZone />
          </span>
        )}
      </dd>
      <dt>Country</dt>
      <dd>{submission.country}</dd>
      <dt>Uploaded</dt>
      <dd>
        by {submission.created_by_email}, <DateTime value={submission.created_at} withZone />
      </dd>
      <dt>Status since</dt>
      <dd>
        <DateTime value={submission.status_changed_at} withZone />
      </dd>
      <dt>Mode</dt>
      <dd>{modeLabels[submission.mode] ?? submission.mode}</dd>
      <dt>Rows</dt>
      <dd>{formatCount(submission.row_count)}</dd>
      <dt>Errors</dt>
      <dd className={submission.error_count > 0 ? 'status-down' : undefined}>{formatCount(submission.error_count)}</dd>
      <dt>Warnings</dt>
      <dd>{formatCount(submission.warning_count)}</dd>
      <dt>Indicators</dt>
      <dd className="indicator-list">{submission.indicators.join(', ') || '–'}</dd>
      <dt>SHA-256</dt>
      <dd>
        <code className="hash">{submission.sha256}</code>
      </dd>
    </dl>
  );
}
