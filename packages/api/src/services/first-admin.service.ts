import {
  appendAuditEvent,
  findUserByEmail,
  insertUser,
  inTransaction,
  lockAccountBootstrap,
  lockActiveAdmins,
  replaceUserCountries,
  updateUser,
} from '@ilms/db';
import { generateOneTimePassword, hashPassword } from '../auth/password-hash.js';
import { findPasswordProblem } from '../auth/password-policy.js';
import type { Dependencies } from '../context.js';
import { DomainError } from '../errors.js';
import { normaliseEmail } from './auth.service.js';

export const DEFAULT_ADMIN_EMAIL = 'admin@ilms.local';
const ADMIN_NAME = 'Administrator';

export interface FirstAdminSettings {
  email?: string | undefined;
  password?: string | undefined;
}

export type FirstAdminOutcome =
  | { kind: 'existing' }
  /** `oneTimePassword` is set when the hub chose the password: it must be shown once, then changed. */
  | { kind: 'created'; email: string; oneTimePassword: string | null };

/**
 * At start-up, when no active administrator exists: makes one from the configured email and
 * password, or with a generated one-time password the caller prints once. An existing account
 * with that email is promoted, which is also how an operator regains access to a hub whose
 * administrators are all gone.
 */
export async function ensureFirstAdmin(deps: Dependencies, settings: FirstAdminSettings): Promise<FirstAdminOutcome> {
  const email = normaliseEmail(settings.email ?? DEFAULT_ADMIN_EMAIL);
  if (settings.password !== undefined) {
    const problem = findPasswordProblem(settings.password, { email, name: ADMIN_NAME });
    if (problem) throw new DomainError('INVALID_INPUT', `ILMS_ADMIN_PASSWORD is refused: ${problem}`);
  }
  return inTransaction(deps.db, async (db) => {
    await lockAccountBootstrap(db);
    if ((await lockActiveAdmins(db)).length > 0) return { kind: 'existing' };
    const now = deps.now();
    const password = settings.password ?? generateOneTimePassword();
    const oneTimePassword = settings.password === undefined ? password : null;
    const passwordHash = await hashPassword(password);
    const mustChangePassword = oneTimePassword !== null;
    const existing = await findUserByEmail(db, email);
    const id = existing
      ? existing.id
      : await insertUser(db, {
          email,
          name: ADMIN_NAME,
          role: 'admin',
          passwordHash,
          mustChangePassword,
          createdBy: null,
          now,
        });
    if (existing) {
      await updateUser(db, id, {
        role: 'admin',
        isActive: true,
        mustChangePassword,
        password: { hash: passwordHash, changedAt: now },
      });
      await replaceUserCountries(db, id, [], { grantedBy: null, now });
    }
    await appendAuditEvent(db, {
      occurredAt: now,
      actorId: null,
      via: null,
      action: 'system.ensureFirstAdmin',
      target: `user:${id}`,
      country: null,
      summary: { email, passwordSource: oneTimePassword ? 'generated' : 'ILMS_ADMIN_PASSWORD', promoted: !!existing },
      requestId: 'start-up',
    });
    return { kind: 'created', email, oneTimePassword };
  });
}
