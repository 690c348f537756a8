import {
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  lockActiveAdmins,
  replaceUserCountries,
  revokeUserSessions,
  type UserRecord,
  type UserWithHash,
  updateUser,
} from '@ilms/db';
import { aseanCountries, isAseanCountry } from '../auth/asean-countries.js';
import { generateOneTimePassword, hashPassword } from '../auth/password-hash.js';
import type { Principal, Role } from '../auth/principal.js';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';
import { normaliseEmail } from './auth.service.js';

type Ctx = Pick<Context, 'db' | 'now' | 'audit'>;

/**
 * What clients see of an account: never the hash. Dates as ISO strings, since the API has no
 * transformer and a Date would reach the client as a string anyway.
 */
function toView(user: UserRecord | UserWithHash) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    isActive: user.isActive,
    mustChangePassword: user.mustChangePassword,
    countries: user.countries,
    createdAt: user.createdAt.toISOString(),
    passwordChangedAt: user.passwordChangedAt.toISOString(),
  };
}

export type UserView = ReturnType<typeof toView>;

function checkAssignments(role: Role, countries: readonly string[]): string[] {
  const unique = [...new Set(countries)].sort();
  const unknown = unique.find((country) => !isAseanCountry(country));
  if (unknown) {
    const known = aseanCountries.map((country) => country.code).join(', ');
    throw new DomainError('INVALID_INPUT', `${unknown} is not an ASEAN member state. Choose from ${known}.`);
  }
  if (role === 'focal_point' && unique.length === 0) {
    throw new DomainError(
      'INVALID_INPUT',
      'A focal point needs at least one country; choose the member state they report for.',
    );
  }
  if (role !== 'focal_point' && unique.length > 0) {
    throw new DomainError(
      'INVALID_INPUT',
      'Only focal points are assigned countries: coordinators and administrators work on every country, and viewers read published data.',
    );
  }
  return unique;
}

function singleCountry(countries: readonly string[]): string | null {
  return countries.length === 1 ? (countries[0] ?? null) : null;
}

async function findTarget(ctx: Ctx, id: string): Promise<UserWithHash> {
  const user = await findUserById(ctx.db, id);
  if (!user) throw new DomainError('NOT_FOUND', 'There is no user with this id; reload the list of users.');
  return user;
}

/** Refuses to leave the hub without an active administrator. */
async function assertAnotherAdminRemains(ctx: Ctx, user: UserWithHash, action: string): Promise<void> {
  if (user.role !== 'admin' || !user.isActive) return;
  const admins = await lockActiveAdmins(ctx.db);
  if (admins.every((id) => id === user.id)) {
    throw new DomainError(
      'PRECONDITION_FAILED',
      `${user.email} is the last active administrator and cannot be ${action}. Make another user an administrator first.`,
    );
  }
}

export async function listAccounts(ctx: Pick<Context, 'db'>): Promise<UserView[]> {
  return (await listUsers(ctx.db)).map(toView);
}

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  countries: string[];
}

/** Creates an account with a one-time password, returned here once and never stored in clear. */
export async function createAccount(ctx: Ctx, admin: Principal, input: NewAccount) {
  const email = normaliseEmail(input.email);
  const countries = checkAssignments(input.role, input.countries);
  if (await findUserByEmail(ctx.db, email)) {
    throw new DomainError('CONFLICT', `There is already an account for ${email}. Find it in the list of users.`);
  }
  const now = ctx.now();
  const oneTimePassword = generateOneTimePassword();
  const id = await insertUser(ctx.db, {
    email,
    name: input.name.trim(),
    role: input.role,
    passwordHash: await hashPassword(oneTimePassword),
    mustChangePassword: true,
    createdBy: admin.userId,
    now,
  });
  await replaceUserCountries(ctx.db, id, countries, { grantedBy: admin.userId, now });
  ctx.audit.describe({
    target: `user:${id}`,
    country: singleCountry(countries),
    summary: { email, name: input.name.trim(), role: input.role, countries },
  });
  return { user: toView(await findTarget(ctx, id)), oneTimePassword };
}

export interface AccountChanges {
  id: string;
  name?: string | undefined;
  role?: Role | undefined;
  countries?: string[] | undefined;
}

export async function updateAccount(ctx: Ctx, admin: Principal, input: AccountChanges) {
  const user = await findTarget(ctx, input.id);
  const role = input.role ?? user.role;
  const countries = checkAssignments(role, input.countries ?? (role === 'focal_point' ? user.countries : []));
  if (role !== 'admin') await assertAnotherAdminRemains(ctx, user, 'given another role');
  const name = input.name?.trim() ?? user.name;
  await updateUser(ctx.db, user.id, { name, role });
  await replaceUserCountries(ctx.db, user.id, countries, { grantedBy: admin.userId, now: ctx.now() });
  ctx.audit.describe({
    target: `user:${user.id}`,
    country: singleCountry(countries),
    summary: {
      email: user.email,
      before: { name: user.name, role: user.role, countries: user.countries },
      after: { name, role, countries },
    },
  });
  return toView(await findTarget(ctx, user.id));
}

export async function deactivateAccount(ctx: Ctx, admin: Principal, id: string) {
  const user = await findTarget(ctx, id);
  if (user.id === admin.userId) {
    throw new DomainError('PRECONDITION_FAILED', 'You cannot deactivate your own account; ask another administrator.');
  }
  await assertAnotherAdminRemains(ctx, user, 'deactivated');
  await updateUser(ctx.db, user.id, { isActive: false });
  // Its API tokens stop working too: a token acts only for an active account.
  const sessionsEnded = await revokeUserSessions(ctx.db, user.id, ctx.now());
  ctx.audit.describe({ target: `user:${user.id}`, country: null, summary: { email: user.email, sessionsEnded } });
  return toView(await findTarget(ctx, user.id));
}

export async function reactivateAccount(ctx: Ctx, id: string) {
  const user = await findTarget(ctx, id);
  await updateUser(ctx.db, user.id, { isActive: true });
  ctx.audit.describe({ target: `user:${user.id}`, country: null, summary: { email: user.email } });
  return toView(await findTarget(ctx, user.id));
}

/** A new one-time password, returned once; the user must replace it at their next sign-in. */
export async function resetAccountPassword(ctx: Ctx, id: string) {
  const user = await findTarget(ctx, id);
  const oneTimePassword = generateOneTimePassword();
  const now = ctx.now();
  await updateUser(ctx.db, user.id, {
    password: { hash: await hashPassword(oneTimePassword), changedAt: now },
    mustChangePassword: true,
  });
  const sessionsEnded = await revokeUserSessions(ctx.db, user.id, now);
  ctx.audit.describe({ target: `user:${user.id}`, country: null, summary: { email: user.email, sessionsEnded } });
  return { user: toView(await findTarget(ctx, user.id)), oneTimePassword };
}
