import { createTestDatabase, freePort } from '@ilms/db/testing';
import { describe, expect, it } from 'vitest';
import { ServerExitedError, startServerProcess } from './testing/index.js';

async function trpcPost(baseUrl: string, procedure: string, body: unknown, cookie?: string) {
  const origin = new URL(baseUrl).origin;
  return fetch(new URL(`/trpc/${procedure}`, baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

describe('the first start', () => {
  it('prints a one-time administrator password once, which must be replaced at first sign-in', async () => {
    const { url: databaseUrl } = await createTestDatabase();
    const env = { DATABASE_URL: databaseUrl, PORT: String(await freePort()) };
    const server = await startServerProcess({ build: 'source', env });
    let password: string;
    try {
      const banner = /\|\s+email:\s+(\S+)\s+\|\n\|\s+password:\s+(\S+)\s+\|/.exec(server.output());
      expect(banner?.[1]).toBe('admin@ilms.local');
      password = banner?.[2] ?? '';
      expect(server.output()).toContain('This password is shown only once.');
      expect(server.output().match(new RegExp(password, 'g'))).toHaveLength(1);

      const login = await trpcPost(server.url, 'auth.login', { email: 'admin@ilms.local', password });
      expect(await login.json()).toEqual({ result: { data: { mustChangePassword: true } } });
      const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
      const users = await fetch(new URL('/trpc/users.list', server.url), { headers: { cookie } });
      expect(users.status).toBe(403);
      const change = await trpcPost(
        server.url,
        'auth.changePassword',
        { currentPassword: password, newPassword: 'tamarind lantern harbour 8' },
        cookie,
      );
      expect(change.status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }

    const again = await startServerProcess({ build: 'source', env });
    try {
      expect(again.output()).not.toContain('has no administrator yet');
    } finally {
      expect(await again.stop()).toBe(0);
    }
  });

  it('stops with a readable message when ILMS_ADMIN_PASSWORD is too weak', async () => {
    const { url: databaseUrl } = await createTestDatabase();
    const failure = await startServerProcess({
      build: 'source',
      env: { DATABASE_URL: databaseUrl, PORT: String(await freePort()), ILMS_ADMIN_PASSWORD: 'short' },
    }).then(
      () => {
        throw new Error('started with a weak admin password');
      },
      (e: unknown) => e as ServerExitedError,
    );
    expect(failure).toBeInstanceOf(ServerExitedError);
    expect(failure.output).toContain('ILMS_ADMIN_PASSWORD is refused: Use at least 12 characters (this one has 5).');
    expect(failure.output).not.toMatch(/\n\s+at /);
  });
});
