import { describe, expect, it } from 'vitest';
import { buildAuditEvent } from './audit-note.js';

const facts = { principal: null, requestId: 'r-9', occurredAt: new Date('2026-03-02T09:00:00Z') };

describe('the default audit summary', () => {
  it('drops secret-looking fields, counts long lists, and takes target and country from the input', () => {
    const event = buildAuditEvent(
      {
        ...facts,
        path: 'catalogue.registerSource',
        input: {
          id: 'BA:HUB-7',
          country: 'KHM',
          newPassword: 'never stored',
          nested: { apiToken: 'ilms_secret', keep: 1 },
          codes: Array.from({ length: 25 }, (_, i) => ({ code: String(i) })),
        },
      },
      {},
    );
    expect(event).toMatchObject({
      action: 'catalogue.registerSource',
      target: 'BA:HUB-7',
      country: 'KHM',
      summary: { id: 'BA:HUB-7', country: 'KHM', nested: { keep: 1 }, codes: '25 items' },
    });
    expect(JSON.stringify(event)).not.toMatch(/never stored|ilms_secret/);
  });

  it('records the country an unscoped input names', () => {
    const event = buildAuditEvent(
      { ...facts, path: 'catalogue.registerNationalClassification', input: { id: 'OCU_LAO-X', country: 'LAO' } },
      {},
    );
    expect(event.country).toBe('LAO');
  });

  it('uses what the service described instead', () => {
    const event = buildAuditEvent(
      { ...facts, path: 'users.create', input: { email: 'a@b.example' } },
      { actorId: 'u-1', target: 'user:u-2', country: null, summary: { role: 'viewer' } },
    );
    expect(event).toMatchObject({ actorId: 'u-1', target: 'user:u-2', country: null, summary: { role: 'viewer' } });
  });

  it('records the acting account of an in-process call, with no session or token to name', () => {
    const principal = {
      userId: 'u-7',
      email: 'admin@hub.example',
      name: 'Admin',
      role: 'admin' as const,
      countries: [],
      mustChangePassword: false,
      credential: { kind: 'in_process' as const },
    };
    const event = buildAuditEvent({ ...facts, principal, path: 'submissions.create', input: { country: 'LAO' } }, {});
    expect(event).toMatchObject({ actorId: 'u-7', via: null, country: 'LAO' });
  });
});
