import { findUserByEmail, findUserById, insertSession, revokeSession, revokeUserSessions, updateUser } from '@ilms/db';
import { aseanCountries } from '../auth/asean-countries.js';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../auth/password-hash.js';
import { findPasswordProblem } from '../auth/password-policy.js';
import type { Principal } from '../auth/principal.js';
import {
  assertNotLockedOut,
  forgetAccountFailures,
  lockedOutMessage,
  recordFailure,
  signInKeys,
} from '../auth/rate-limit.js';
import { createSecret, hashSecret } from '../auth/secret.js';
import { type Context, defaultSessionLifetime } from '../context.js';
import { DomainError } from '../errors.js';
import { listAllowedPaths } from '../permissions.js';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Opens a new session (a new random id every time: sign-in rotates it) and sets the cookie. */
async function startSession(ctx: Context, userId: string): Promise<void> {
  const now = ctx.now();
  const secret = createSecret();
  const expiresAt = new Date(now.getTime() + (ctx.sessionLifetime ?? defaultSessionLifetime).absoluteMs);
  await insertSession(ctx.db, { tokenHash: hashSecret(secret), userId, now, expiresAt });
  ctx.sessionCookie.set(secret, expiresAt);
}

/** Counts the failure and throws the message to show: the lock-out when this failure caused one. */
async function failSignIn(ctx: Context, email: string, message: string): Promise<never> {
  const now = ctx.now();
  const lockedUntil = await recordFailure(ctx.rootDb, signInKeys(email, ctx.clientAddress), now);
  if (lockedUntil) throw new DomainError('RATE_LIMITED', lockedOutMessage(lockedUntil, now));
  throw new DomainError('UNAUTHENTICATED', message);
}

export async function signIn(ctx: Context, input: { email: string; password: string }) {
  const email = normaliseEmail(input.email);
  await assertNotLockedOut(ctx.db, signInKeys(email, ctx.clientAddress), ctx.now());
  const user = await findUserByEmail(ctx.db, email);
  const isMatch = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDecoy(input.password);
  if (!user || !isMatch) return failSignIn(ctx, email, 'The email address or password is wrong.');
  // Counted like a failure, so passwords of deactivated accounts cannot be guessed without limit.
  if (!user.isActive) {
    return failSignIn(ctx, email, 'This account is deactivated. Ask an administrator of the hub to reactivate it.');
  }
  await forgetAccountFailures(ctx.db, email);
  if (ctx.principal?.credential.kind === 'session') await revokeSession(ctx.db, ctx.principal.credential.id, ctx.now());
  await startSession(ctx, user.id);
  ctx.audit.describe({ actorId: user.id, target: `user:${user.id}`, summary: { email } });
  return { mustChangePassword: user.mustChangePassword };
}

export async function signOut(ctx: Context, principal: Principal) {
  if (principal.credential.kind === 'session') await revokeSession(ctx.db, principal.credential.id, ctx.now());
  ctx.sessionCookie.clear();
  ctx.audit.describe({ target: `user:${principal.userId}`, summary: {} });
  return { signedOut: true };
}

export async function changePassword(
  ctx: Context,
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
) {
  const now = ctx.now();
  const keys = signInKeys(principal.email, ctx.clientAddress);
  await assertNotLockedOut(ctx.db, keys, now);
  const user = await findUserById(ctx.db, principal.userId);
  if (!user) throw new DomainError('NOT_FOUND', 'Your account no longer exists.');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    // Counted like a failed sign-in, so a stolen session cannot be used to guess the password.
    const lockedUntil = await recordFailure(ctx.rootDb, keys, now);
    if (lockedUntil) throw new DomainError('RATE_LIMITED', lockedOutMessage(lockedUntil, now));
    throw new DomainError('INVALID_INPUT', 'The current password is wrong.');
  }
  if (input.newPassword === input.currentPassword) {
    throw new DomainError('INVALID_INPUT', 'Choose a new password that differs from the current one.');
  }
  const problem = findPasswordProblem(input.newPassword, user);
  if (problem) throw new DomainError('INVALID_INPUT', problem);
  await updateUser(ctx.db, user.id, {
    password: { hash: await hashPassword(input.newPassword), changedAt: now },
    mustChangePassword: false,
  });
  // Every session ends, wherever it was opened; this browser continues in a fresh one.
  const revoked = await revokeUserSessions(ctx.db, user.id, now);
  await startSession(ctx, user.id);
  ctx.audit.describe({ target: `user:${user.id}`, summary: { sessionsEnded: revoked } });
  return { changed: true };
}

/** The caller as the admin app needs it: who, what they may use, and which countries they may pick. */
export function describeMe({ principal }: Pick<Context, 'principal'>) {
  if (!principal) return null;
  const countryChoices =
    principal.role === 'focal_point'
      ? aseanCountries.filter((country) => principal.countries.includes(country.code))
      : aseanCountries;
  return {
    id: principal.userId,
    email: principal.email,
    name: principal.name,
    role: principal.role,
    countries: [...principal.countries],
    mustChangePassword: principal.mustChangePassword,
    via: principal.credential.kind,
    allowed: listAllowedPaths(principal),
    countryChoices: countryChoices.map(({ code, label }) => ({ code, label })),
  };
}
