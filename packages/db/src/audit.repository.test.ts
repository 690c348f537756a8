import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appendAuditEvent, listAuditEvents } from './audit.repository.js';
import { createTestDatabase } from './testing/index.js';

const { db } = await createTestDatabase();

describe('audit_event', () => {
  it('takes new events and refuses to change or remove them, even for the table owner', async () => {
    await appendAuditEvent(db, {
      occurredAt: new Date('2026-03-02T09:00:00Z'),
      actorId: null,
      via: null,
      action: 'system.probe',
      target: null,
      country: 'LAO',
      summary: { probe: true },
      requestId: 'r-1',
    });
    expect(await listAuditEvents(db, { limit: 10 })).toEqual([expect.objectContaining({ action: 'system.probe' })]);
    await expect(sql`update audit_event set action = 'tampered'`.execute(db)).rejects.toThrow(
      'audit_event is append-only: UPDATE is not allowed',
    );
    await expect(sql`delete from audit_event`.execute(db)).rejects.toThrow(
      'audit_event is append-only: DELETE is not allowed',
    );
    await expect(sql`truncate audit_event`.execute(db)).rejects.toThrow(
      'audit_event is append-only: TRUNCATE is not allowed',
    );
    expect(await listAuditEvents(db, { limit: 10 })).toEqual([expect.objectContaining({ action: 'system.probe' })]);
  });
});
