import { type Environment, resolveLogin, type ServerFlags, type StoredLogin } from './config.js';
import { CliError, ExitCode, UsageError } from './exit-codes.js';
import { callHub, createHubClient, type HubClient } from './hub-client.js';

export interface Hub {
  login: StoredLogin;
  client: HubClient;
  /** Runs hub calls so that their failures become CLI errors naming this hub. */
  call<T>(run: (client: HubClient) => Promise<T>): Promise<T>;
}

export function connectHub(login: StoredLogin): Hub {
  const client = createHubClient(login);
  return { login, client, call: (run) => callHub(login.url, () => run(client)) };
}

export async function openHub(flags: ServerFlags, env: Environment): Promise<Hub> {
  return connectHub(await resolveLogin(flags, env));
}

/**
 * The caller as the hub sees the token. `auth.me` is public and answers null for a refused
 * token, without the reason; a call that needs a caller makes the hub say why.
 */
export async function whoAmI(hub: Hub) {
  const me = await hub.call((c) => c.auth.me.query());
  if (me) return me;
  await hub.call((c) => c.tokens.list.query());
  throw new CliError(
    ExitCode.refused,
    `The hub did not accept the token. Run \`ilms login --url ${hub.login.url}\` again with a token from the hub's "API tokens" page.`,
  );
}

/**
 * The country a command acts on: --country, or the only country of a focal point's account.
 * `isOptional` (listing): regional roles may leave it out to see every country.
 */
export async function resolveCountry(hub: Hub, given: string | undefined, isOptional = false) {
  if (given !== undefined) return given;
  const me = await whoAmI(hub);
  if (me.role === 'focal_point' && me.countries.length === 1) return me.countries[0];
  if (isOptional && me.role !== 'focal_point') return undefined;
  const covered = me.countries.length > 0 ? ` (your account covers ${me.countries.join(', ')})` : '';
  throw new UsageError(`Name the country with --country XXX${covered}.`);
}
