import type { Role as StoredRole } from '@ilms/db';

export const roles = ['admin', 'coordinator', 'focal_point', 'viewer'] as const satisfies readonly StoredRole[];
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: 'administrator',
  coordinator: 'regional coordinator',
  focal_point: 'national focal point',
  viewer: 'viewer',
};

/**
 * How the caller proved who they are: a session cookie, an API token, or neither because the
 * hub's own code calls in-process as a named account (the CLI's local mode, benchmarks).
 */
export type Credential = { kind: 'session'; id: number } | { kind: 'token'; id: string } | { kind: 'in_process' };

/** Who is calling, as resolved from a session cookie or an API token on every request. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** Focal-point assignments; empty for the regional roles and viewers. */
  countries: readonly string[];
  mustChangePassword: boolean;
  credential: Credential;
}

/** Why a presented credential was refused, so the message can say what to do. */
export type CredentialProblem = 'session_expired' | 'session_ended' | 'token_invalid' | 'account_inactive';
