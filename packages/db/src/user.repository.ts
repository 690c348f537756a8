import { type RawBuilder, sql } from 'kysely';
import type { Role } from './accounts.schema.js';
import type { Db } from './create-db.js';

/** The account behind a session or API token, as the authentication of each request needs it. */
export interface CredentialOwner {
  userId: string;
  email: string;
  name: string;
  role: Role;
  isActive: boolean;
  mustChangePassword: boolean;
  /** The focal-point countries as they are now, read with the credential (one round trip a request). */
  countries: string[];
}

/** A user's countries in code order (empty when none), for the user whose id is `userId`. */
function countriesOf(userId: RawBuilder<unknown>) {
  return sql<string[]>`coalesce(
    (select array_agg(uc.country order by uc.country) from user_country uc where uc.user_id = ${userId}),
    '{}'::text[])`.as('countries');
}

/** Columns of `app_user as u` that fill a CredentialOwner. */
export const credentialOwnerColumns = [
  'u.id as userId',
  'u.email',
  'u.name',
  'u.role',
  'u.is_active as isActive',
  'u.must_change_password as mustChangePassword',
  countriesOf(sql.ref('u.id')),
] as const;

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  isActive: boolean;
  mustChangePassword: boolean;
  countries: string[];
  createdAt: Date;
  passwordChangedAt: Date;
}

export interface UserWithHash extends UserRecord {
  passwordHash: string;
}

function selectUsers(db: Db) {
  return db
    .selectFrom('app_user')
    .select([
      'id',
      'email',
      'name',
      'role',
      'is_active as isActive',
      'must_change_password as mustChangePassword',
      'created_at as createdAt',
      'password_changed_at as passwordChangedAt',
      'password_hash as passwordHash',
      countriesOf(sql.ref('app_user.id')),
    ]);
}

/** `email` must already be normalised (trimmed, lower-cased). */
export async function findUserByEmail(db: Db, email: string): Promise<UserWithHash | undefined> {
  return selectUsers(db).where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserWithHash | undefined> {
  return selectUsers(db).where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<UserRecord[]> {
  const rows = await selectUsers(db).orderBy('email').execute();
  return rows.map(({ passwordHash: _, ...user }) => user);
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
  createdBy: string | null;
  now: Date;
}

export async function insertUser(db: Db, user: NewUser): Promise<string> {
  const row = await db
    .insertInto('app_user')
    .values({
      email: user.email,
      name: user.name,
      role: user.role,
      password_hash: user.passwordHash,
      must_change_password: user.mustChangePassword,
      password_changed_at: user.now,
      created_at: user.now,
      created_by: user.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces a user's focal-point assignments; unchanged ones keep who granted them and when. */
export async function replaceUserCountries(
  db: Db,
  userId: string,
  countries: readonly string[],
  grant: { grantedBy: string | null; now: Date },
): Promise<void> {
  let removal = db.deleteFrom('user_country').where('user_id', '=', userId);
  if (countries.length > 0) removal = removal.where('country', 'not in', countries);
  await removal.execute();
  if (countries.length === 0) return;
  await db
    .insertInto('user_country')
    .values(
      countries.map((country) => ({ user_id: userId, country, granted_by: grant.grantedBy, granted_at: grant.now })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'country']).doNothing())
    .execute();
}

export interface UserChanges {
  name?: string;
  role?: Role;
  isActive?: boolean;
  mustChangePassword?: boolean;
  password?: { hash: string; changedAt: Date };
}

export async function updateUser(db: Db, id: string, changes: UserChanges): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.role === undefined ? {} : { role: changes.role }),
      ...(changes.isActive === undefined ? {} : { is_active: changes.isActive }),
      ...(changes.mustChangePassword === undefined ? {} : { must_change_password: changes.mustChangePassword }),
      ...(changes.password === undefined
        ? {}
        : { password_hash: changes.password.hash, password_changed_at: changes.password.changedAt }),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Ids of the active admins, locked until the transaction ends, so two admins demoting each
 * other at the same moment cannot leave the hub with none.
 */
export async function lockActiveAdmins(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('role', '=', 'admin')
    .where('is_active', '=', true)
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Serialises start-up account work across server processes sharing one database, until the
 * transaction ends: two processes starting together must not both create a first admin.
 */
export async function lockAccountBootstrap(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('ilms:account-bootstrap'))`.execute(db);
}
