import { listAuditEvents } from '@ilms/db';
import type { Context } from '../context.js';

export interface AuditQuery {
  actor?: string | undefined;
  action?: string | undefined;
  country?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  before?: number | undefined;
  limit: number;
}

/** One page of events, newest first, and the cursor of the next (older) page when there is one. */
export async function browseAuditLog(ctx: Pick<Context, 'db'>, query: AuditQuery) {
  const rows = await listAuditEvents(ctx.db, {
    ...query,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    events: page.map(({ occurredAt, ...event }) => ({ ...event, occurredAt: occurredAt.toISOString() })),
    nextBefore: rows.length > query.limit && last ? last.id : null,
  };
}
