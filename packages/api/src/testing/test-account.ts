import { randomUUID } from 'node:crypto';
import { type Db, insertSession, insertUser, replaceUserCountries } from '@ilms/db';
import { hashPassword } from '../auth/password-hash.js';
import type { Principal, Role } from '../auth/principal.js';
import { createSecret, hashSecret } from '../auth/secret.js';

/** A password the policy accepts, for accounts made in tests. */
export const TEST_PASSWORD = 'Mekong river ferry at dusk';

export interface TestAccountOptions {
  role: Role;
  countries?: string[];
  email?: string;
  name?: string;
  mustChangePassword?: boolean;
  /** When the account and its session start; sessions last a week from then. */
  now?: Date;
}

export interface TestAccount {
  principal: Principal;
  password: string;
  /** The session cookie value of the signed-in account. */
  sessionToken: string;
}

/** A real account in the database, signed in with a real session: for contexts in tests. */
export async function createTestAccount(db: Db, options: TestAccountOptions): Promise<TestAccount> {
  const now = options.now ?? new Date();
  const email = options.email ?? `${options.role}-${randomUUID().slice(0, 8)}@test.ilms`;
  const name = options.name ?? `Test ${options.role}`;
  const mustChangePassword = options.mustChangePassword ?? false;
  const countries = options.countries ?? [];
  const userId = await insertUser(db, {
    email,
    name,
    role: options.role,
    passwordHash: await hashPassword(TEST_PASSWORD),
    mustChangePassword,
    createdBy: null,
    now,
  });
  await replaceUserCountries(db, userId, countries, { grantedBy: null, now });
  const sessionToken = createSecret();
  const sessionId = await insertSession(db, {
    tokenHash: hashSecret(sessionToken),
    userId,
    now,
    expiresAt: new Date(now.getTime() + 7 * 86_400_000),
  });
  return {
    principal: {
      userId,
      email,
      name,
      role: options.role,
      countries,
      mustChangePassword,
      credential: { kind: 'session', id: sessionId },
    },
    password: TEST_PASSWORD,
    sessionToken,
  };
}
