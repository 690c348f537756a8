import type { ColumnType, Generated } from 'kysely';

export type Role = 'admin' | 'coordinator' | 'focal_point' | 'viewer';

/** jsonb written as a JSON string, read back as parsed JSON. */
type Json = ColumnType<unknown, string, string>;

export interface AccountTables {
  app_user: AppUserTable;
  user_country: UserCountryTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  login_attempt: LoginAttemptTable;
  audit_event: AuditEventTable;
}

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  is_active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  password_changed_at: Date;
  created_at: Date;
  created_by: string | null;
}

export interface UserCountryTable {
  user_id: string;
  country: string;
  granted_by: string | null;
  granted_at: Date;
}

export interface UserSessionTable {
  id: Generated<number>;
  token_hash: Buffer;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface ApiTokenTable {
  id: Generated<string>;
  token_hash: Buffer;
  prefix: string;
  user_id: string;
  name: string;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface LoginAttemptTable {
  scope: 'account' | 'address';
  key: string;
  failures: number;
  window_started_at: Date;
  lockouts: number;
  locked_until: Date | null;
  last_failure_at: Date;
}

export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: Date;
  actor_id: string | null;
  via: 'session' | 'token' | null;
  action: string;
  target: string | null;
  country: string | null;
  summary: Json;
  request_id: string;
}
