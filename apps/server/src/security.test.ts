import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestAccount, TEST_PASSWORD } from '@ilms/api/testing';
import { createDb } from '@ilms/db';
import { createTestDatabase } from '@ilms/db/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';

const { db, url: databaseUrl } = await createTestDatabase();
const adminDist = await mkdtemp(path.join(os.tmpdir(), 'ilms-dist-'));
await writeFile(path.join(adminDist, 'index.html'), '<!doctype html><title>ILMS Hub</title>');
const app = await buildApp({ deps: { db, now: () => new Date() }, logger: pino({ level: 'silent' }), adminDist });
afterAll(() => app.close());

const HOST = '127.0.0.1:3000';
const sameOrigin = { host: HOST, origin: `http://${HOST}` };
let viewer: Awaited<ReturnType<typeof createTestAccount>>;

beforeAll(async () => {
  viewer = await createTestAccount(db, { role: 'viewer' });
});

function post(url: string, payload: unknown, headers: Record<string, string>) {
  return app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

async function signIn(host = HOST) {
  const response = await post(
    '/trpc/auth.login',
    { email: viewer.principal.email, password: TEST_PASSWORD },
    {
      host,
      origin: `http://${host}`,
    },
  );
  expect(response.statusCode).toBe(200);
  return response;
}

const countTokens = async () =>
  (
    await db
      .selectFrom('api_token')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('security headers', () => {
  it.each(['/health', '/trpc/system.health', '/', '/users', '/no-such.js'])(
    'are on the response to %s',
    async (url) => {
      const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    },
  );
});

describe('the session cookie', () => {
  it('is httpOnly and SameSite=Lax, without Secure on a loopback host', async () => {
    const cookie = String((await signIn()).headers['set-cookie']);
    expect(cookie).toMatch(/^ilms_session=[\w-]{43}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
  });

  it('is Secure on any other host', async () => {
    const cookie = String((await signIn('hub.example.org')).headers['set-cookie']);
    expect(cookie).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
  });
});

describe('changes made with a session cookie', () => {
  async function sessionCookie() {
    const response = await signIn();
    const jar = response.cookies.find((c) => c.name === 'ilms_session');
    return `ilms_session=${jar?.value}`;
  }

  it('are accepted from a page of the hub', async () => {
    const cookie = await sessionCookie();
    const response = await post(
      '/trpc/tokens.create',
      { name: 'same origin', expiresInDays: 1 },
      { ...sameOrigin, cookie },
    );
    expect(response.statusCode).toBe(200);
  });

  it.each([
    ['another site’s Origin', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', origin: `http://${HOST}` }],
    ['neither Origin nor Sec-Fetch-Site', {}],
  ])('are refused with %s, and change nothing', async (_, headers) => {
    const cookie = await sessionCookie();
    const before = await countTokens();
    const response = await post(
      '/trpc/tokens.create',
      { name: 'csrf', expiresInDays: 1 },
      { host: HOST, cookie, ...headers },
    );
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      error: {
        message:
          'This change was refused because it did not come from a page of ILMS Hub. Make changes from the hub itself, or use an API token.',
        data: { code: 'FORBIDDEN', domainCode: 'FORBIDDEN' },
      },
    });
    expect(await countTokens()).toBe(before);
  });

  it('include signing in: another site cannot sign a browser in', async () => {
    const response = await post(
      '/trpc/auth.login',
      { email: viewer.principal.email, password: TEST_PASSWORD },
      { host: HOST, origin: 'https://evil.example' },
    );
    expect(response.statusCode).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('are not needed for API tokens, which no other site can send', async () => {
    const cookie = await sessionCookie();
    const created = await post('/trpc/tokens.create', { name: 'script', expiresInDays: 1 }, { ...sameOrigin, cookie });
    const token: string = created.json().result.data.token;
    const list = await app.inject({
      method: 'GET',
      url: '/trpc/tokens.list',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(list.statusCode).toBe(200);
    const revoke = await post(
      '/trpc/tokens.revoke',
      { id: created.json().result.data.id },
      { authorization: `Bearer ${token}` },
    );
    expect(revoke.statusCode).toBe(200);
    const after = await app.inject({
      method: 'GET',
      url: '/trpc/tokens.list',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
  });
});

describe('sign-in limits over HTTP', () => {
  it('answer 429 with the time to retry, counted per client address', async () => {
    const attempt = () =>
      post(
        '/trpc/auth.login',
        { email: 'who@nowhere.example', password: 'wrong password here' },
        {
          ...sameOrigin,
          'x-forwarded-for': '203.0.113.99',
        },
      );
    for (let i = 0; i < 4; i++) expect((await attempt()).statusCode).toBe(401);
    const locked = await attempt();
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(
      /^Too many failed sign-ins\. Try again in 1 minute \(at \d\d:\d\d UTC\)\.$/,
    );
    const rows = await db.selectFrom('login_attempt').select(['scope', 'key']).where('scope', '=', 'address').execute();
    expect(rows).toEqual([{ scope: 'address', key: '127.0.0.1' }]);
  });
});

describe('server file paths over HTTP', () => {
  it('are refused even behind a trusted proxy whose header claims the call is in-process', async () => {
    const proxied = await buildApp({
      deps: { db, now: () => new Date() },
      logger: pino({ level: 'silent' }),
      adminDist: null,
      trustProxy: true,
    });
    try {
      const focal = await createTestAccount(db, { role: 'focal_point', countries: ['LAO'] });
      const response = await proxied.inject({
        method: 'POST',
        url: '/trpc/submissions.create',
        payload: { country: 'LAO', filePath: '/etc/hostname' },
        headers: {
          'content-type': 'application/json',
          ...sameOrigin,
          cookie: `ilms_session=${focal.sessionToken}`,
          'x-forwarded-for': 'in-process, 203.0.113.9',
        },
      });
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('only by the command line');
      expect(await db.selectFrom('submission').select('id').execute()).toEqual([]);
    } finally {
      await proxied.close();
    }
  });
});

describe('unexpected failures over HTTP', () => {
  it('show a reference to the request instead of the database error', async () => {
    const missing = new URL(databaseUrl);
    missing.pathname = '/ilms_no_such_database';
    const broken = createDb({ connectionString: missing.toString() });
    const failing = await buildApp({
      deps: { db: broken, now: () => new Date() },
      logger: pino({ level: 'silent' }),
      adminDist: null,
    });
    try {
      const response = await failing.inject({
        method: 'POST',
        url: '/trpc/auth.login',
        payload: { email: 'someone@example.org', password: 'whatever it is today' },
        headers: { 'content-type': 'application/json', ...sameOrigin },
      });
      expect(response.statusCode).toBe(500);
      const requestId = response.headers['x-request-id'];
      expect(response.json().error.message).toBe(
        `Something went wrong on the server. Try again; if it happens again, give the administrators this reference: ${requestId}.`,
      );
      expect(response.body).not.toContain('ilms_no_such_database');
    } finally {
      await failing.close();
      await broken.destroy();
    }
  });
});
