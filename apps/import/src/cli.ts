#!/usr/bin/env node
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildTemplate, SheetNotFoundError, SUPPORTED_ENCODINGS, validateFile } from '@ilms/ingest';
import { formatSummary } from './format-summary.js';

const USAGE = `Usage:
  ilms validate <file> [--country XXX] [--source ID] [--encoding NAME] [--sheet NAME] [--unit-multiplier N] [--out DIR]
  ilms template <indicator> [--country XXX] [--out FILE]

Encodings: ${SUPPORTED_ENCODINGS.join(', ')}. --unit-multiplier is the power of ten the counts are
written in: 3 = thousands (the ILOSTAT unit, default), 0 = persons.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      country: { type: 'string' },
      source: { type: 'string' },
      encoding: { type: 'string' },
      sheet: { type: 'string' },
      'unit-multiplier': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, target] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === 'template') {
    if (!target) fail('ilms template needs an indicator code.');
    const text = buildTemplate(target, values.country ?? 'XXX');
    if (text === undefined) fail(`"${target}" is not an indicator of the catalogue.`);
    if (values.out) {
      await writeFile(values.out, text);
      process.stdout.write(`Template for ${target} written to ${values.out}\n`);
    } else process.stdout.write(text);
    return 0;
  }
  if (command !== 'validate') fail(`Unknown command "${command}".`);
  if (!target) fail('ilms validate needs a file.');
  if (values.country !== undefined && !/^[A-Z]{3}$/.test(values.country)) {
    fail(`--country must be an ISO alpha-3 code such as THA, not "${values.country}".`);
  }
  if (values.encoding !== undefined && !SUPPORTED_ENCODINGS.includes(values.encoding.toLowerCase() as never)) {
    fail(`--encoding must be one of ${SUPPORTED_ENCODINGS.join(', ')}, not "${values.encoding}".`);
  }
  const multiplier = values['unit-multiplier'];
  if (multiplier !== undefined && !/^(?:[0-9]|1[0-2])$/.test(multiplier)) {
    fail(`--unit-multiplier must be a power of ten from 0 to 12 (0 = persons, 3 = thousands), not "${multiplier}".`);
  }
  const outDir = values.out ?? `${target}.report`;
  try {
    const result = await validateFile(target, {
      country: values.country,
      source: values.source,
      encoding: values.encoding,
      sheet: values.sheet,
      unitMultiplier: multiplier === undefined ? undefined : Number(multiplier),
      outDir,
    });
    process.stdout.write(formatSummary(result));
    return result.errors > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof SheetNotFoundError) fail(error.message);
    if ((error as { code?: string }).code === 'ENOENT') fail(`File not found: ${target}`);
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
