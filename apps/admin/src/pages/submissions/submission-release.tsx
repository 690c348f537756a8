import { DateTime } from '../../components/date-time.js';
import { revisionReasonLabel } from './revision-reasons.js';
import type { SubmissionDetail } from './submission-types.js';

type Release = NonNullable<SubmissionDetail['release']>;
type Vintage = NonNullable<SubmissionDetail['vintage']>;

/** A pending scheduled release: when it happens, who set it, and why published values change. */
export function ReleaseNotice({ release }: { release: Release }) {
  const isDue = new Date(release.release_at).getTime() <= Date.now();
  return (
    <section className="info-box" aria-labelledby="release-heading">
      <h2 id="release-heading">Release scheduled</h2>
      <p>
        Publishes at{' '}
        <strong data-testid="release-at">
          <DateTime value={release.release_at} withSeconds withZone />
        </strong>
        , scheduled by {release.scheduled_by_email}.{isDue ? ' The time has come: publishing now…' : ''}
      </p>
      {release.revision_reason && (
        <p>
          Revision reason: {revisionReasonLabel(release.revision_reason)}
          {release.revision_text ? ` — ${release.revision_text}` : ''}
        </p>
      )}
    </section>
  );
}

/** The version of the published data this submission made. */
export function VintageFacts({ vintage }: { vintage: Vintage }) {
  const counts = Object.entries((vintage.counts ?? {}) as Record<string, Record<string, number>>);
  return (
    <section aria-labelledby="vintage-heading">
      <h2 id="vintage-heading">Published as vintage {vintage.seq}</h2>
      <dl className="facts">
        <dt>Published</dt>
        <dd>
          <DateTime value={vintage.published_at} withZone />
        </dd>
        <dt>Revision reason</dt>
        <dd>
          {vintage.revision_reason ? revisionReasonLabel(vintage.revision_reason) : 'none (no published value changed)'}
        </dd>
        {vintage.revision_text && (
          <>
            <dt>Explanation</dt>
            <dd>{vintage.revision_text}</dd>
          </>
        )}
        {counts.map(([indicator, kinds]) => (
          <div key={indicator} className="facts-row">
            <dt>
              <code>{indicator}</code>
            </dt>
            <dd>
              {Object.entries(kinds)
                .map(([kind, n]) => `${kind} ${n}`)
                .join(' · ')}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
