import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './exit-codes.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What a command reads from its arguments: each option's value if given, and the positionals. */
export interface ParsedCommand<T extends Options> {
  values: { [K in keyof T]?: T[K] extends { type: 'string' } ? string : boolean };
  positionals: string[];
}

/** Options every command that talks to the hub takes; they win over ILMS_URL / ILMS_TOKEN and the login. */
export const serverOptions = {
  url: { type: 'string' },
  token: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** parseArgs whose complaints (unknown option, missing value) are usage errors, exit code 2. */
export function parseCommandArgs<T extends Options>(args: string[], options: T): ParsedCommand<T> {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, allowNegative: true });
    return { values: values as ParsedCommand<T>['values'], positionals };
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    throw new UsageError(message);
  }
}

export function assertCountry(value: string | undefined, option = '--country'): string | undefined {
  if (value === undefined) return undefined;
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) {
    throw new UsageError(`${option} must be an ISO alpha-3 code such as LAO or THA, not "${value}".`);
  }
  return code;
}

export function parseSubmissionId(value: string | undefined, command: string): number {
  if (value === undefined) throw new UsageError(`${command} needs the submission number, e.g. \`${command} 12\`.`);
  const id = /^#?(\d{1,9})$/.exec(value.trim())?.[1];
  if (id === undefined || Number(id) === 0) {
    throw new UsageError(`"${value}" is not a submission number; \`ilms submissions list\` shows them.`);
  }
  return Number(id);
}

export function assertOneOf<const T extends string>(value: string | undefined, allowed: readonly T[], option: string) {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${option} must be one of ${allowed.join(', ')}, not "${value}".`);
  }
  return value as T;
}
