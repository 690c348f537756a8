import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, freePort } from '@ilms/db/testing';
import { describe, expect, it } from 'vitest';
import { createTokenAccount, createWorkspace, startHub } from './testing/hub-fixture.js';
import { runIlms } from './testing/run-ilms.js';

const { db, url: databaseUrl } = await createTestDatabase();
const hubUrl = await startHub(databaseUrl);
const focal = await createTokenAccount(db, 'focal_point', ['LAO']);

describe('ilms login', () => {
  it('checks a piped token, stores it readable by the owner only and says where; logout removes it', async () => {
    const { home, configFile } = createWorkspace();
    const env = { HOME: home, ILMS_CONFIG: configFile };
    const r = await runIlms(['login', '--url', `${hubUrl}/`], env, `${focal.token}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Signed in to ${hubUrl} as Test focal_point <${focal.principal.email}>`);
    expect(r.stdout).toContain('national focal point for LAO');
    expect(r.stdout).toContain(`stored in ${configFile} (readable by you only)`);
    expect(statSync(configFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(configFile, 'utf8'))).toEqual({ url: hubUrl, token: focal.token });

    const out = await runIlms(['logout'], env);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`Removed the stored login (${configFile})`);
    expect(existsSync(configFile)).toBe(false);
  });

  it('uses XDG_CONFIG_HOME when ILMS_CONFIG is not set', async () => {
    const { home } = createWorkspace();
    const r = await runIlms(['login', '--url', hubUrl, '--token', focal.token], { HOME: home, XDG_CONFIG_HOME: home });
    expect(r.code).toBe(0);
    expect(statSync(path.join(home, 'ilms', 'config.json')).mode & 0o777).toBe(0o600);
  });

  it("refuses a bad token with the hub's reason and exit code 3, storing nothing", async () => {
    const { home, configFile } = createWorkspace();
    const r = await runIlms(['login', '--url', hubUrl, '--token', 'ilms_not-a-real-token'], {
      HOME: home,
      ILMS_CONFIG: configFile,
    });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('The hub refused your API token: This API token is not valid');
    expect(r.stderr).toContain(`run \`ilms login --url ${hubUrl}\` again`);
    expect(existsSync(configFile)).toBe(false);
  });

  it('exits 2 without --url, and 5 when nothing listens at the address', async () => {
    const { home, configFile } = createWorkspace();
    const env = { HOME: home, ILMS_CONFIG: configFile };
    const missing = await runIlms(['login'], env, `${focal.token}\n`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("ilms login needs the hub's address");

    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const down = await runIlms(['submissions', 'list', '--url', nowhere, '--token', focal.token], env);
    expect(down.code).toBe(5);
    expect(down.stderr).toContain(`Cannot reach the hub at ${nowhere}: nothing is listening at that address`);
  });

  it('exits 5 when the address answers but is not a hub', async () => {
    const { home } = createWorkspace();
    const r = await runIlms(['login', '--url', `${hubUrl}/not-the-hub`, '--token', focal.token], { HOME: home });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`${hubUrl}/not-the-hub did not answer as an ILMS Hub (HTTP 404`);
  });
});

describe('ilms submissions list', () => {
  it('takes the token from ILMS_URL / ILMS_TOKEN and the country from a one-country account', async () => {
    const { home } = createWorkspace();
    const r = await runIlms(['submissions', 'list'], { HOME: home, ILMS_URL: hubUrl, ILMS_TOKEN: focal.token });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No submissions match.\n');
  });

  it("relays the hub's refusal of another country, exit code 3", async () => {
    const { home } = createWorkspace();
    const r = await runIlms(['submissions', 'list', '--country', 'THA'], {
      HOME: home,
      ILMS_URL: hubUrl,
      ILMS_TOKEN: focal.token,
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('You are a focal point for LAO; this request is for THA');
  });
});
