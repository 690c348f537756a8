import {
  type CredentialOwner,
  findApiTokenByHash,
  findSessionByHash,
  markApiTokenUsed,
  type SessionWithUser,
  touchSession,
} from '@ilms/db';
import { type Dependencies, defaultSessionLifetime } from '../context.js';
import type { Credential, CredentialProblem, Principal } from './principal.js';
import { hashSecret } from './secret.js';

export const API_TOKEN_PREFIX = 'ilms_';

/** Writing "last seen" on every request would turn each read into a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export interface PresentedCredentials {
  /** The session cookie's value. */
  sessionToken?: string | undefined;
  /** From `Authorization: Bearer …`; wins over a cookie when both are sent. */
  bearerToken?: string | undefined;
}

export interface Authentication {
  principal: Principal | null;
  problem: CredentialProblem | null;
}

const anonymous: Authentication = { principal: null, problem: null };

function refuse(problem: CredentialProblem): Authentication {
  return { principal: null, problem };
}

function sessionProblem(session: SessionWithUser, deps: Dependencies, now: Date): CredentialProblem | null {
  const { idleMs } = deps.sessionLifetime ?? defaultSessionLifetime;
  if (session.revokedAt) return 'session_ended';
  if (session.expiresAt <= now || session.lastSeenAt.getTime() + idleMs <= now.getTime()) return 'session_expired';
  return session.isActive ? null : 'account_inactive';
}

/** The principal of an accepted credential, with the owner's current country assignments. */
function admit(owner: CredentialOwner, credential: Credential): Authentication {
  const { userId, email, name, role, countries, mustChangePassword } = owner;
  return { principal: { userId, email, name, role, countries, mustChangePassword, credential }, problem: null };
}

async function authenticateSession(deps: Dependencies, token: string, now: Date): Promise<Authentication> {
  const session = await findSessionByHash(deps.db, hashSecret(token));
  if (!session) return refuse('session_ended');
  const problem = sessionProblem(session, deps, now);
  if (problem) return refuse(problem);
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) await touchSession(deps.db, session.id, now);
  return admit(session, { kind: 'session', id: session.id });
}

async function authenticateToken(deps: Dependencies, bearer: string, now: Date): Promise<Authentication> {
  if (!bearer.startsWith(API_TOKEN_PREFIX)) return refuse('token_invalid');
  const token = await findApiTokenByHash(deps.db, hashSecret(bearer));
  if (!token || token.revokedAt || token.expiresAt <= now) return refuse('token_invalid');
  if (!token.isActive) return refuse('account_inactive');
  const lastUsed = token.lastUsedAt?.getTime() ?? 0;
  if (now.getTime() - lastUsed >= TOUCH_INTERVAL_MS) await markApiTokenUsed(deps.db, token.id, now);
  // A token acts with its owner's role and countries as they are now, so demoting or
  // deactivating the owner takes effect on their tokens at once.
  return admit(token, { kind: 'token', id: token.id });
}

/** Resolves the caller of one request from its cookie or bearer token. */
export async function authenticate(deps: Dependencies, presented: PresentedCredentials): Promise<Authentication> {
  const now = deps.now();
  if (presented.bearerToken !== undefined) return authenticateToken(deps, presented.bearerToken, now);
  if (presented.sessionToken) return authenticateSession(deps, presented.sessionToken, now);
  return anonymous;
}
