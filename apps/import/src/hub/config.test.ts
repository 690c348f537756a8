import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  configPath,
  normaliseUrl,
  readStoredLogin,
  removeStoredLogin,
  resolveLogin,
  writeStoredLogin,
} from './config.js';
import { CliError, ExitCode, UsageError } from './exit-codes.js';

const dir = mkdtempSync(join(tmpdir(), 'ilms-config-'));

describe('configPath', () => {
  it('prefers ILMS_CONFIG, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(configPath({ ILMS_CONFIG: '/etc/ilms.json', XDG_CONFIG_HOME: '/x' }, '/home/a')).toBe('/etc/ilms.json');
    expect(configPath({ XDG_CONFIG_HOME: '/x' }, '/home/a')).toBe('/x/ilms/config.json');
    expect(configPath({}, '/home/a')).toBe('/home/a/.config/ilms/config.json');
    // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    expect(configPath({ XDG_CONFIG_HOME: 'relative' }, '/home/a')).toBe('/home/a/.config/ilms/config.json');
  });
});

describe('normaliseUrl', () => {
  it('keeps the origin and a path prefix, without trailing slashes or /trpc', () => {
    expect(normaliseUrl('https://ilms.example.org/')).toBe('https://ilms.example.org');
    expect(normaliseUrl(' http://127.0.0.1:3000 ')).toBe('http://127.0.0.1:3000');
    expect(normaliseUrl('https://example.org/ilms/trpc/')).toBe('https://example.org/ilms');
  });

  it('refuses an address without a scheme, naming the fix', () => {
    expect(() => normaliseUrl('ilms.example.org')).toThrow(UsageError);
    expect(() => normaliseUrl('ilms.example.org')).toThrow('Write it with http:// or https://');
    expect(() => normaliseUrl('https://ilms.example.org/?page=2')).toThrow('without "?" or "#" parts');
  });
});

describe('the stored login', () => {
  it('is written readable by its owner only, read back and removed', async () => {
    const file = join(dir, 'nested', 'ilms', 'config.json');
    await writeStoredLogin(file, { url: 'https://hub.example', token: 'ilms_abc' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'nested', 'ilms')).mode & 0o777).toBe(0o700);
    expect(await readStoredLogin(file)).toEqual({ url: 'https://hub.example', token: 'ilms_abc' });
    expect(await removeStoredLogin(file)).toBe(true);
    expect(await readStoredLogin(file)).toBeUndefined();
    expect(await removeStoredLogin(file)).toBe(false);
  });

  it('narrows a file that existed with wider permissions', async () => {
    const file = join(dir, 'wide.json');
    writeFileSync(file, '{}', { mode: 0o644 });
    await writeStoredLogin(file, { url: 'https://hub.example', token: 'ilms_abc' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a file that is not a login, saying how to start again', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, 'not json');
    await expect(readStoredLogin(file)).rejects.toThrow('is not a login written by `ilms login`');
  });
});

describe('resolveLogin', () => {
  it('takes flags over ILMS_URL / ILMS_TOKEN over the stored login', async () => {
    const file = join(dir, 'resolve.json');
    await writeStoredLogin(file, { url: 'https://stored.example', token: 'ilms_stored' });
    const env = { ILMS_CONFIG: file };
    expect(await resolveLogin({}, env)).toEqual({ url: 'https://stored.example', token: 'ilms_stored' });
    expect(await resolveLogin({}, { ...env, ILMS_TOKEN: 'ilms_env' })).toEqual({
      url: 'https://stored.example',
      token: 'ilms_env',
    });
    expect(await resolveLogin({ url: 'http://flag.example/' }, { ...env, ILMS_URL: 'https://env.example' })).toEqual({
      url: 'http://flag.example',
      token: 'ilms_stored',
    });
  });

  it('says how to log in when nothing names the hub', async () => {
    const error = await resolveLogin({ token: 'ilms_x' }, { ILMS_CONFIG: join(dir, 'none.json') }).catch((e) => e);
    expect(error).toBeInstanceOf(CliError);
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toContain('ilms does not know which hub to use. Run `ilms login --url <hub address>`');
  });
});
