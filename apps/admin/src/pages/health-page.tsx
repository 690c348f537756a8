import { useQuery } from '@tanstack/react-query';
import { DateTime } from '../components/date-time.js';
import { useTRPC } from '../trpc.js';

export function HealthPage() {
  const trpc = useTRPC();
  const health = useQuery(trpc.system.health.queryOptions(undefined, { refetchInterval: 15_000 }));

  return (
    <>
      <h1>System health</h1>
      {health.isPending && <p role="status">Checking the server…</p>}
      {health.isError && (
        <p role="alert" className="status-down">
          The server did not answer: {health.error.message}. Check that it is running, then reload.
        </p>
      )}
      {health.data && (
        <dl className="facts" aria-live="polite">
          <dt>Server</dt>
          <dd>{health.data.status === 'ok' ? 'Running' : 'Running with problems'}</dd>
          <dt>Database</dt>
          <dd className={health.data.database.isUp ? 'status-up' : 'status-down'} data-testid="database-status">
            {health.data.database.isUp ? 'Up' : `Down: ${health.data.database.error}`}
          </dd>
          <dt>PostgreSQL version</dt>
          <dd>{health.data.database.version ?? 'unknown'}</dd>
          <dt>Round trip</dt>
          <dd>{health.data.database.latencyMs === null ? '–' : `${health.data.database.latencyMs} ms`}</dd>
          <dt>Checked at</dt>
          <dd>
            <DateTime value={health.data.checkedAt} withSeconds withZone />
          </dd>
        </dl>
      )}
    </>
  );
}
