import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../auth/error-text.js';
import { useCountryChoices } from '../auth/use-country-choices.js';
import { DateTime, localInputToInstant, zoneLabel } from '../components/date-time.js';
import { useTRPC } from '../trpc.js';
import { useUrlFilters } from '../use-url-filters.js';
import { AuditFilters, type AuditFilterValues } from './audit-filters.js';

const PAGE_SIZE = 50;

const toInstant = (local: string) => (local ? localInputToInstant(local) : undefined);

/** Who changed what and when; filters live in the URL so a view can be shared. */
export function AuditPage() {
  const trpc = useTRPC();
  const [params, setFilter] = useUrlFilters();
  const [cursors, setCursors] = useState<number[]>([]);
  // A focal point always looks at one of their own countries; the others may look at all.
  const { choices, isRegional, defaultCountry } = useCountryChoices();
  const values: AuditFilterValues = {
    actor: params.get('actor') ?? '',
    action: params.get('action') ?? '',
    country: params.get('country') ?? defaultCountry,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const events = useQuery(
    trpc.audit.list.queryOptions(
      {
        actor: values.actor || undefined,
        action: values.action || undefined,
        country: values.country || undefined,
        from: toInstant(values.from),
        to: toInstant(values.to),
        before: cursors.at(-1),
        limit: PAGE_SIZE,
      },
      { placeholderData: (previous) => previous },
    ),
  );

  const update = (key: keyof AuditFilterValues, value: string) => {
    setFilter(key, value);
    setCursors([]);
  };

  return (
    <>
      <h1>Audit log</h1>
      <p>Every change made in the hub: who made it, when, to what, and a summary. Nobody can edit or delete it.</p>
      <AuditFilters values={values} countryChoices={choices} allowAllCountries={isRegional} onChange={update} />
      {events.isError && <p role="alert">Could not load the audit log: {errorText(events.error)}</p>}
      {events.data && (
        <>
          <p role="status" aria-live="polite">
            {events.data.events.length === 0 ? 'No events match these filters.' : `Page ${cursors.length + 1}`}
          </p>
          <table className="data-table audit-table">
            <caption className="visually-hidden">Audit events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When, {zoneLabel()}</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Country</th>
                <th scope="col">Summary</th>
              </tr>
            </thead>
            <tbody>
              {events.data.events.map((event) => (
                <tr key={event.id}>
                  <td>
                    <DateTime value={event.occurredAt} withSeconds />
                  </td>
                  <td>
                    {event.actorEmail ?? 'the hub'}
                    {event.via === 'token' ? ' (API token)' : ''}
                  </td>
                  <td>
                    <code>{event.action}</code>
                  </td>
                  <td>{event.target ?? '–'}</td>
                  <td>{event.country ?? '–'}</td>
                  <td>
                    <code className="summary">{JSON.stringify(event.summary)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="row-actions" aria-label="Audit log pages">
            <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
              Newer events
            </button>
            <button
              type="button"
              disabled={events.data.nextBefore === null}
              onClick={() => events.data.nextBefore !== null && setCursors([...cursors, events.data.nextBefore])}
            >
              Older events
            </button>
          </nav>
        </>
      )}
    </>
  );
}
