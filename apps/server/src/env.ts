import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const postgresUrl = z.string().refine((value) => /^postgres(ql)?:\/\/[^/]+/.test(value) && URL.canParse(value), {
  message: 'expected a PostgreSQL URL such as postgres://user:password@host:5432/database',
});

const port = z.coerce
  .number({ message: 'expected a whole number' })
  .int('expected a whole number')
  .min(1, 'expected a port from 1 to 65535')
  .max(65535, 'expected a port from 1 to 65535');

const positiveWhole = z.coerce
  .number({ message: 'expected a whole number' })
  .int('expected a whole number')
  .positive('expected a number above 0');

/**
 * false (the default): the client address is the TCP peer. Behind a reverse proxy set it so
 * sign-in limits count per real client, not per proxy: `true`, or the proxy's addresses
 * (comma-separated, CIDR allowed), as Fastify's `trustProxy` takes them.
 */
const trustProxy = z
  .string()
  .regex(/^(true|false|[\d.:a-fA-F/]+(\s*,\s*[\d.:a-fA-F/]+)*)$/, {
    message: 'expected true, false, or the proxy addresses such as 10.0.0.1,10.0.0.2',
  })
  .transform((value) => (value === 'true' ? true : value === 'false' ? false : value));

/** Every setting the server reads, with its default. Nothing else reads process.env. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl.optional(),
  EMBEDDED_PG_PORT: port.default(54329),
  ILMS_DATA_DIR: z.string().min(1).default(path.join(repositoryRoot, '.data')),
  ADMIN_DIST: z.string().min(1).default(path.join(repositoryRoot, 'apps/admin/dist')),
  TRUST_PROXY: trustProxy.default(false),
  /** The first administrator, made at start-up when the hub has no active one. */
  ILMS_ADMIN_EMAIL: z.email('expected an email address such as admin@ministry.gov').optional(),
  ILMS_ADMIN_PASSWORD: z.string().optional(),
  ILMS_SESSION_IDLE_MINUTES: positiveWhole.default(8 * 60),
  ILMS_SESSION_MAX_DAYS: positiveWhole.default(7),
  /** Uploads larger than this are refused. */
  ILMS_UPLOAD_LIMIT_MB: positiveWhole.default(200),
  /** Files this server processes at once (0: none; run `ilms worker` elsewhere). */
  ILMS_WORKERS: z.coerce
    .number({ message: 'expected a whole number' })
    .int('expected a whole number')
    .min(0, 'expected 0 or more')
    .default(1),
  /** A job whose worker has not reported for this long is presumed dead and taken back. */
  ILMS_JOB_STALE_SECONDS: positiveWhole.default(30),
  /** How often the worker looks for scheduled releases that are due. */
  ILMS_RELEASE_POLL_MS: positiveWhole.default(15_000),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Empty strings count as unset, so `PORT= pnpm start` means the default, as shells suggest. */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => !!entry[1]));
}

/** Settings that may hold a password: their value is never repeated in a message or a log. */
const secretSettings = new Set(['DATABASE_URL', 'ILMS_ADMIN_PASSWORD']);

function describeGiven(name: string, given: string | undefined): string {
  if (given === undefined) return ' (not set)';
  return secretSettings.has(name) ? ' (value not shown: it may hold a password)' : ` (got ${JSON.stringify(given)})`;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(withoutEmpty(source));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `  ${name}: ${issue.message}${describeGiven(name, source[name])}`;
  });
  throw new EnvError(
    `ILMS Hub cannot start: ${lines.length === 1 ? 'a setting is' : 'settings are'} wrong.\n${lines.join('\n')}\n` +
      'Fix the environment variable(s) above (see README, "Configuration") and start again.',
  );
}
