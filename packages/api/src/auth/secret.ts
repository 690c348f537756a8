import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: session cookie values and the body of API tokens. */
export function createSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps instead of the secret. A plain SHA-256 suffices (unlike passwords):
 * the secret is random and long, so there is nothing to guess.
 */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
