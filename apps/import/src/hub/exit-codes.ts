/** What `ilms` exits with; scripts and CI branch on these, so they never change meaning. */
export const ExitCode = {
  ok: 0,
  /** The file has error findings: it was read (and uploaded), but cannot be submitted as it is. */
  fileHasErrors: 1,
  usage: 2,
  /** The server answered and refused: credentials, permission, size limit, not found, a rule. */
  refused: 3,
  /** The server's job that checks the file failed or was cancelled. */
  jobEnded: 4,
  /** The server could not be reached, or what answered is not an ILMS Hub. */
  unreachable: 5,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure the command reports as one message and an exit code, without a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
  }
}

/** Wrong arguments: the message is followed by the usage text. */
export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string) {
    super(ExitCode.usage, message);
  }
}
