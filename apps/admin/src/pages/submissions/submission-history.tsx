import { DateTime, localizeInstants, zoneLabel } from '../../components/date-time.js';
import { statusLabel } from './submission-status.js';
import type { SubmissionDetail } from './submission-types.js';

/** Every status change, oldest first, with who made it and the comment they left. */
export function SubmissionHistory({ events }: { events: SubmissionDetail['events'] }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <table className="data-table history">
        <caption className="visually-hidden">Status changes, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">When, {zoneLabel()}</th>
            <th scope="col">Status</th>
            <th scope="col">By</th>
            <th scope="col">Comment</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={`${event.occurred_at}-${event.status}`}>
              <td>
                <DateTime value={event.occurred_at} withSeconds />
              </td>
              <td>{statusLabel(event.status)}</td>
              <td>{event.actor_email ?? 'the hub'}</td>
              <td className="comment-cell">{event.comment ? localizeInstants(event.comment) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
