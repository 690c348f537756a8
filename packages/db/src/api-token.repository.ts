import type { Db } from './create-db.js';
import { type CredentialOwner, credentialOwnerColumns } from './user.repository.js';

export interface NewApiToken {
  tokenHash: Buffer;
  prefix: string;
  userId: string;
  name: string;
  now: Date;
  expiresAt: Date;
}

export async function insertApiToken(db: Db, token: NewApiToken): Promise<string> {
  const row = await db
    .insertInto('api_token')
    .values({
      token_hash: token.tokenHash,
      prefix: token.prefix,
      user_id: token.userId,
      name: token.name,
      created_at: token.now,
      expires_at: token.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ApiTokenRecord {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listUserApiTokens(db: Db, userId: string): Promise<ApiTokenRecord[]> {
  return db
    .selectFrom('api_token')
    .select([
      'id',
      'name',
      'prefix',
      'created_at as createdAt',
      'expires_at as expiresAt',
      'last_used_at as lastUsedAt',
      'revoked_at as revokedAt',
    ])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export interface ApiTokenWithUser extends CredentialOwner {
  id: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export async function findApiTokenByHash(db: Db, tokenHash: Buffer): Promise<ApiTokenWithUser | undefined> {
  return db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select([
      't.id',
      't.expires_at as expiresAt',
      't.revoked_at as revokedAt',
      't.last_used_at as lastUsedAt',
      ...credentialOwnerColumns,
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function markApiTokenUsed(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
}

/** Revokes one of the user's own tokens; false when the user has no live token with that id. */
export async function revokeApiToken(db: Db, id: string, userId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
