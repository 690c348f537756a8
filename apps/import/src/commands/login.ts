import { parseCommandArgs, serverOptions } from '../hub/args.js';
import { configPath, type Environment, normaliseUrl, removeStoredLogin, writeStoredLogin } from '../hub/config.js';
import { ExitCode, UsageError } from '../hub/exit-codes.js';
import { connectHub, whoAmI } from '../hub/hub-session.js';
import { readSecret } from '../hub/read-secret.js';

const roleLabels: Record<string, string> = {
  admin: 'administrator',
  coordinator: 'regional coordinator',
  focal_point: 'national focal point',
  viewer: 'viewer',
};

export async function login(args: string[], env: Environment): Promise<number> {
  const { values } = parseCommandArgs(args, serverOptions);
  if (values.url === undefined) {
    throw new UsageError("ilms login needs the hub's address: `ilms login --url https://ilms.example.org`.");
  }
  const url = normaliseUrl(values.url);
  const given = values.token ?? (await readSecret('API token (typing is hidden): '));
  const token = given.trim();
  if (token === '') {
    throw new UsageError(
      'No API token was given. Create one on the hub\'s "API tokens" page, then paste it when asked (or pipe it in).',
    );
  }
  const me = await whoAmI(connectHub({ url, token }));
  const file = configPath(env);
  await writeStoredLogin(file, { url, token });
  const countries = me.countries.length > 0 ? ` for ${me.countries.join(', ')}` : '';
  process.stdout.write(
    `Signed in to ${url} as ${me.name} <${me.email}>, ${roleLabels[me.role] ?? me.role}${countries}.\n` +
      `The address and token are stored in ${file} (readable by you only). \`ilms logout\` removes them.\n`,
  );
  if (me.mustChangePassword) {
    process.stderr.write(
      'Your account must choose a new password before the hub accepts other requests: sign in to the hub in a browser and change it.\n',
    );
  }
  return ExitCode.ok;
}

export async function logout(args: string[], env: Environment): Promise<number> {
  parseCommandArgs(args, { help: serverOptions.help });
  const file = configPath(env);
  const removed = await removeStoredLogin(file);
  process.stdout.write(
    removed
      ? `Removed the stored login (${file}). The token itself stays valid until you revoke it on the hub's "API tokens" page.\n`
      : `There was no stored login at ${file}.\n`,
  );
  return ExitCode.ok;
}
