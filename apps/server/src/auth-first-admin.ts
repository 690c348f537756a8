import { type Dependencies, ensureFirstAdmin } from '@ilms/api';
import type { Logger } from 'pino';
import type { Env } from './env.js';

/** The one-time password goes to the terminal only, never to the log, which may be shipped elsewhere. */
function frame(email: string, password: string): string {
  const lines = [
    'ILMS Hub has no administrator yet, so one was created:',
    '',
    `  email:    ${email}`,
    `  password: ${password}`,
    '',
    'Sign in with it now: you will be asked to choose a new password.',
    'This password is shown only once. To choose the first administrator yourself,',
    'set ILMS_ADMIN_EMAIL and ILMS_ADMIN_PASSWORD before the first start.',
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = `+${'-'.repeat(width + 2)}+`;
  return ['', rule, ...lines.map((line) => `| ${line.padEnd(width)} |`), rule, ''].join('\n');
}

/** Makes sure the hub has an active administrator before it serves anyone. */
export async function prepareFirstAdmin(deps: Dependencies, env: Env, logger: Logger): Promise<void> {
  const outcome = await ensureFirstAdmin(deps, { email: env.ILMS_ADMIN_EMAIL, password: env.ILMS_ADMIN_PASSWORD });
  if (outcome.kind === 'existing') return;
  logger.info({ email: outcome.email, generated: outcome.oneTimePassword !== null }, 'first administrator created');
  if (outcome.oneTimePassword) process.stdout.write(`${frame(outcome.email, outcome.oneTimePassword)}\n`);
}
