#!/usr/bin/env node
import { SUPPORTED_ENCODINGS } from '@ilms/ingest';
import { login, logout } from './commands/login.js';
import { templateCommand, validateCommand } from './commands/offline.js';
import { submissionsCommand } from './commands/submissions.js';
import { uploadCommand } from './commands/upload.js';
import { workerCommand } from './commands/worker.js';
import type { Environment } from './hub/config.js';
import { CliError, ExitCode, UsageError } from './hub/exit-codes.js';

const USAGE = `Usage:
  ilms validate <file> [--country XXX] [--source ID] [--encoding NAME] [--sheet NAME] [--unit-multiplier N] [--out DIR]
  ilms template <indicator> [--country XXX] [--out FILE]

Against a running ILMS Hub:
  ilms login --url <hub address> [--token <API token>]   checks the token and stores both (asks for the token if not given)
  ilms logout                                            removes the stored login
  ilms upload <file> [--country XXX] [--mode merge|replace|delete] [--dry-run] [--no-wait] [--progress]
  ilms submissions list [--country XXX] [--status STATUS] [--indicator CODE] [--limit N]
  ilms submissions show <id> [--country XXX]
  ilms submissions submit <id> [--country XXX]
  ilms submissions cancel <id> [--country XXX]
  Every hub command takes --url and --token (or ILMS_URL and ILMS_TOKEN), which win over the
  stored login. --country may be left out when your account covers one country.
  The login is stored in $ILMS_CONFIG, else $XDG_CONFIG_HOME/ilms/config.json, else ~/.config/ilms/config.json.

On a machine that reaches the hub's database:
  ilms worker [--concurrency N] [--name NAME]   processes uploaded files and scheduled releases (needs DATABASE_URL)

Encodings: ${SUPPORTED_ENCODINGS.join(', ')}. --unit-multiplier is the power of ten the counts are
written in: 3 = thousands (the ILOSTAT unit, default), 0 = persons.

Exit codes:
  0  done; the file has no errors
  1  the file has error findings (validate; upload: uploaded, but it cannot be submitted as it is)
  2  wrong arguments, missing file or missing login
  3  the hub refused: token, permission, size limit, not found, or a rule (its message is shown)
  4  the hub's check of the uploaded file failed or was cancelled
  5  the hub cannot be reached, or the address is not an ILMS Hub (worker: its database)`;

type Command = (args: string[], env: Environment) => Promise<number>;

const commands: Record<string, Command> = {
  validate: validateCommand,
  template: templateCommand,
  login,
  logout,
  upload: uploadCommand,
  submissions: submissionsCommand,
  worker: workerCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const isHelp = (arg: string) => arg === '--help' || arg === '-h';
  if (name === undefined || isHelp(name) || name === 'help' || rest.some(isHelp)) {
    process.stdout.write(`${USAGE}\n`);
    return ExitCode.ok;
  }
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    return await command(rest, process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return error.exitCode;
    }
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

// `pnpm ilms …` runs this package's script in apps/import; file names are meant from where pnpm was run.
if (process.env.npm_package_name === '@ilms/import' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

process.exitCode = await main(process.argv.slice(2));
