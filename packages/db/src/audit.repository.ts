import type { Db } from './create-db.js';
import { escapeLike } from './like-pattern.js';

export interface NewAuditEvent {
  occurredAt: Date;
  actorId: string | null;
  via: 'session' | 'token' | null;
  action: string;
  target: string | null;
  country: string | null;
  summary: Record<string, unknown>;
  requestId: string;
}

export async function appendAuditEvent(db: Db, event: NewAuditEvent): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      occurred_at: event.occurredAt,
      actor_id: event.actorId,
      via: event.via,
      action: event.action,
      target: event.target,
      country: event.country,
      summary: JSON.stringify(event.summary),
      request_id: event.requestId,
    })
    .execute();
}

export interface AuditFilter {
  /** Part of the actor's email, matched case-insensitively. */
  actor?: string | undefined;
  /** An exact action (`users.create`) or a prefix ending in a dot (`users.`). */
  action?: string | undefined;
  country?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Keyset paging: events older than this id. */
  before?: number | undefined;
  limit: number;
}

export interface AuditEventRecord {
  id: number;
  occurredAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  via: 'session' | 'token' | null;
  action: string;
  target: string | null;
  country: string | null;
  summary: unknown;
  requestId: string;
}

/** Newest first, at most `limit` events. */
export async function listAuditEvents(db: Db, filter: AuditFilter): Promise<AuditEventRecord[]> {
  let query = db
    .selectFrom('audit_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select([
      'e.id',
      'e.occurred_at as occurredAt',
      'e.actor_id as actorId',
      'u.email as actorEmail',
      'u.name as actorName',
      'e.via',
      'e.action',
      'e.target',
      'e.country',
      'e.summary',
      'e.request_id as requestId',
    ])
    .orderBy('e.id', 'desc')
    .limit(filter.limit);
  if (filter.actor) query = query.where('u.email', 'ilike', `%${escapeLike(filter.actor.trim())}%`);
  if (filter.action?.endsWith('.')) query = query.where('e.action', 'like', `${escapeLike(filter.action)}%`);
  else if (filter.action) query = query.where('e.action', '=', filter.action);
  if (filter.country) query = query.where('e.country', '=', filter.country);
  if (filter.from) query = query.where('e.occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('e.occurred_at', '<', filter.to);
  if (filter.before !== undefined) query = query.where('e.id', '<', filter.before);
  return query.execute();
}
