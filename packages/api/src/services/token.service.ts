import { type ApiTokenRecord, insertApiToken, listUserApiTokens, revokeApiToken } from '@ilms/db';
import { API_TOKEN_PREFIX } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';
import { createSecret, hashSecret } from '../auth/secret.js';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';

const DAY_MS = 86_400_000;

function statusOf(token: ApiTokenRecord, now: Date): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  return token.expiresAt <= now ? 'expired' : 'active';
}

export async function listTokens(ctx: Pick<Context, 'db' | 'now'>, owner: Principal) {
  const now = ctx.now();
  const tokens = await listUserApiTokens(ctx.db, owner.userId);
  return tokens.map((token) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    status: statusOf(token, now),
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  }));
}

/**
 * Creates a token for the caller. The full token is in this response only; the database keeps
 * its SHA-256 and a short prefix that lets the owner tell tokens apart.
 */
export async function createToken(
  ctx: Pick<Context, 'db' | 'now' | 'audit'>,
  owner: Principal,
  input: { name: string; expiresInDays: number },
) {
  const now = ctx.now();
  const token = `${API_TOKEN_PREFIX}${createSecret()}`;
  const prefix = token.slice(0, API_TOKEN_PREFIX.length + 6);
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS);
  const name = input.name.trim();
  const id = await insertApiToken(ctx.db, {
    tokenHash: hashSecret(token),
    prefix,
    userId: owner.userId,
    name,
    now,
    expiresAt,
  });
  ctx.audit.describe({ target: `token:${id}`, summary: { name, prefix, expiresAt: expiresAt.toISOString() } });
  return { id, token, prefix, name, expiresAt: expiresAt.toISOString() };
}

export async function revokeToken(ctx: Pick<Context, 'db' | 'now' | 'audit'>, owner: Principal, id: string) {
  if (!(await revokeApiToken(ctx.db, id, owner.userId, ctx.now()))) {
    throw new DomainError('NOT_FOUND', 'You have no active API token with this id; reload the list of tokens.');
  }
  ctx.audit.describe({ target: `token:${id}`, summary: {} });
  return { revoked: true };
}
