import { writeFile } from 'node:fs/promises';
import { buildTemplate, SheetNotFoundError, SUPPORTED_ENCODINGS, validateFile } from '@ilms/ingest';
import { formatSummary } from '../format-summary.js';
import { assertCountry, parseCommandArgs } from '../hub/args.js';
import { ExitCode, UsageError } from '../hub/exit-codes.js';

const offlineOptions = {
  country: { type: 'string' },
  source: { type: 'string' },
  encoding: { type: 'string' },
  sheet: { type: 'string' },
  'unit-multiplier': { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function templateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, offlineOptions);
  const [target] = positionals;
  if (!target) throw new UsageError('ilms template needs an indicator code.');
  const text = buildTemplate(target, values.country ?? 'XXX');
  if (text === undefined) throw new UsageError(`"${target}" is not an indicator of the catalogue.`);
  if (values.out) {
    await writeFile(values.out, text);
    process.stdout.write(`Template for ${target} written to ${values.out}\n`);
  } else process.stdout.write(text);
  return ExitCode.ok;
}

/** Checks a file offline: 0 no errors, 1 errors, 2 wrong arguments. */
export async function validateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, offlineOptions);
  const [target] = positionals;
  if (!target) throw new UsageError('ilms validate needs a file.');
  const country = assertCountry(values.country);
  if (values.encoding !== undefined && !SUPPORTED_ENCODINGS.includes(values.encoding.toLowerCase() as never)) {
    throw new UsageError(`--encoding must be one of ${SUPPORTED_ENCODINGS.join(', ')}, not "${values.encoding}".`);
  }
  const multiplier = values['unit-multiplier'];
  if (multiplier !== undefined && !/^(?:[0-9]|1[0-2])$/.test(multiplier)) {
    throw new UsageError(
      `--unit-multiplier must be a power of ten from 0 to 12 (0 = persons, 3 = thousands), not "${multiplier}".`,
    );
  }
  try {
    const result = await validateFile(target, {
      country,
      source: values.source,
      encoding: values.encoding,
      sheet: values.sheet,
      unitMultiplier: multiplier === undefined ? undefined : Number(multiplier),
      outDir: values.out ?? `${target}.report`,
    });
    process.stdout.write(formatSummary(result));
    return result.errors > 0 ? ExitCode.fileHasErrors : ExitCode.ok;
  } catch (error) {
    if (error instanceof SheetNotFoundError) throw new UsageError(error.message);
    if ((error as { code?: string }).code === 'ENOENT') throw new UsageError(`File not found: ${target}`);
    throw error;
  }
}
