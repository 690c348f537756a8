import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.js';

describe('parseEnv', () => {
  it('fills defaults when nothing is set', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ HOST: '127.0.0.1', PORT: 3000, EMBEDDED_PG_PORT: 54329, LOG_LEVEL: 'info' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.ILMS_DATA_DIR).toMatch(/\.data$/);
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv({ PORT: '' }).PORT).toBe(3000);
  });

  it('names every wrong variable, what it got and what it expects', () => {
    const attempt = () => parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://localhost/ilms', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(
      [
        'ILMS Hub cannot start: settings are wrong.',
        '  PORT: expected a whole number (got "eighty")',
        '  LOG_LEVEL: Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent" (got "loud")',
        '  DATABASE_URL: expected a PostgreSQL URL such as postgres://user:password@host:5432/database (value not shown: it may hold a password)',
        'Fix the environment variable(s) above (see README, "Configuration") and start again.',
      ].join('\n'),
    );
  });

  it('never repeats a malformed DATABASE_URL, which may hold a password', () => {
    const attempt = () => parseEnv({ DATABASE_URL: 'postgres//ilms:s3cret-pw@db/ilms' });
    expect(attempt).toThrow('DATABASE_URL: expected a PostgreSQL URL');
    expect(attempt).not.toThrow(/s3cret-pw/);
  });

  it('refuses a port out of range', () => {
    expect(() => parseEnv({ EMBEDDED_PG_PORT: '70000' })).toThrow(
      'EMBEDDED_PG_PORT: expected a port from 1 to 65535 (got "70000")',
    );
  });

  it('reads the account settings, with sessions of 8 idle hours and 7 days by default', () => {
    expect(parseEnv({})).toMatchObject({
      ILMS_SESSION_IDLE_MINUTES: 480,
      ILMS_SESSION_MAX_DAYS: 7,
      TRUST_PROXY: false,
    });
    expect(parseEnv({ TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).TRUST_PROXY).toBe('10.0.0.1, 10.0.0.0/8');
    expect(parseEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(() => parseEnv({ ILMS_ADMIN_EMAIL: 'admin' })).toThrow(
      'ILMS_ADMIN_EMAIL: expected an email address such as admin@ministry.gov (got "admin")',
    );
    expect(() => parseEnv({ ILMS_SESSION_IDLE_MINUTES: '0' })).toThrow(
      'ILMS_SESSION_IDLE_MINUTES: expected a number above 0',
    );
  });
});
