import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { CliError, ExitCode, UsageError } from './exit-codes.js';

/** What `ilms login` keeps: the hub's address and the API token that signs the commands in. */
export interface StoredLogin {
  url: string;
  token: string;
}

export type Environment = Record<string, string | undefined>;

/** `$ILMS_CONFIG`, else `$XDG_CONFIG_HOME/ilms/config.json`, else `~/.config/ilms/config.json`. */
export function configPath(env: Environment, home = homedir()): string {
  if (env.ILMS_CONFIG) return path.resolve(env.ILMS_CONFIG);
  const base =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(base, 'ilms', 'config.json');
}

/**
 * The hub's base address without a trailing slash. People paste the admin page's address, so
 * `/trpc` or a page path after the host is not accepted silently: only the origin and a prefix.
 */
export function normaliseUrl(given: string): string {
  const trimmed = given.trim();
  if (!/^https?:\/\//i.test(trimmed) || !URL.canParse(trimmed)) {
    throw new UsageError(
      `"${given}" is not a web address of the hub. Write it with http:// or https://, e.g. https://ilms.example.org`,
    );
  }
  const url = new URL(trimmed);
  if (url.search || url.hash) {
    throw new UsageError(`Give the hub's address without "?" or "#" parts: ${url.origin}${url.pathname}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/trpc$/, '')}`;
}

export async function readStoredLogin(file: string): Promise<StoredLogin | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(ExitCode.usage, `Cannot read ${file}: ${(error as Error).message}.`);
  }
  const parsed: unknown = (() => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  })();
  const { url, token } = (parsed ?? {}) as Partial<StoredLogin>;
  if (typeof url !== 'string' || typeof token !== 'string') {
    throw new CliError(
      ExitCode.usage,
      `${file} is not a login written by \`ilms login\`. Delete it with \`ilms logout\` and run \`ilms login --url <hub address>\` again.`,
    );
  }
  return { url, token };
}

/**
 * Writes the login readable by its owner only (0600, in a 0700 folder). A temporary file renamed
 * into place means a crash never leaves half a token, and a file made earlier with wider
 * permissions is narrowed too.
 */
export async function writeStoredLogin(file: string, login: StoredLogin): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

/** Whether there was a login to remove. */
export async function removeStoredLogin(file: string): Promise<boolean> {
  try {
    await rm(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

export interface ServerFlags {
  url?: string | undefined;
  token?: string | undefined;
}

/** Which hub and token a command uses: flags, then ILMS_URL / ILMS_TOKEN, then the stored login. */
export async function resolveLogin(flags: ServerFlags, env: Environment): Promise<StoredLogin> {
  const file = configPath(env);
  const stored =
    (flags.url ?? env.ILMS_URL) && (flags.token ?? env.ILMS_TOKEN) ? undefined : await readStoredLogin(file);
  const url = flags.url ?? env.ILMS_URL ?? stored?.url;
  const token = flags.token ?? env.ILMS_TOKEN ?? stored?.token;
  if (!url || !token) {
    const missing =
      !url && !token ? 'which hub to use and your API token' : !url ? 'which hub to use' : 'your API token';
    throw new CliError(
      ExitCode.usage,
      `ilms does not know ${missing}. Run \`ilms login --url <hub address>\` once (it stores both in ${file}), or pass --url and --token (or set ILMS_URL and ILMS_TOKEN).`,
    );
  }
  return { url: normaliseUrl(url), token: token.trim() };
}
