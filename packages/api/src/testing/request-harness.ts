import type { Db } from '@ilms/db';
import { authenticate, type PresentedCredentials } from '../auth/authenticate.js';
import { createContext, type Dependencies } from '../context.js';
import { createCaller } from '../root.js';

export interface RecordedCookie {
  value: string | null;
  expiresAt: Date | null;
  wasCleared: boolean;
}

/**
 * Plays the HTTP host in tests: resolves the caller from a cookie value or bearer token as the
 * server does, records what the procedure does to the cookie, and moves a clock of its own.
 */
export function createRequestHarness(db: Db, start: Date) {
  let current = start;
  const deps: Dependencies = {
    db,
    now: () => current,
    sessionLifetime: { idleMs: 8 * 3_600_000, absoluteMs: 7 * 86_400_000 },
  };
  let sequence = 0;

  async function request(credentials: PresentedCredentials & { address?: string } = {}) {
    const { principal, problem } = await authenticate(deps, credentials);
    const cookie: RecordedCookie = { value: null, expiresAt: null, wasCleared: false };
    const ctx = createContext(deps, `test-${++sequence}`, {
      principal,
      credentialProblem: problem,
      clientAddress: credentials.address ?? '203.0.113.7',
      isInProcess: false,
      origin: credentials.bearerToken ? 'unknown' : 'same',
      sessionCookie: {
        set: (value, expiresAt) => Object.assign(cookie, { value, expiresAt }),
        clear: () => Object.assign(cookie, { value: null, expiresAt: null, wasCleared: true }),
      },
    });
    return { caller: createCaller(ctx), cookie, principal, problem };
  }

  /** Signs in and returns the session cookie value. */
  async function signIn(email: string, password: string, address?: string): Promise<string> {
    const { caller, cookie } = await request({ address });
    await caller.auth.login({ email, password });
    if (!cookie.value) throw new Error(`signing in as ${email} set no cookie`);
    return cookie.value;
  }

  return {
    deps,
    request,
    signIn,
    now: () => current,
    advance(ms: number) {
      current = new Date(current.getTime() + ms);
    },
  };
}
