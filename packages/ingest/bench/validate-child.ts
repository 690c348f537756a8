import { validateFile } from '../src/index.js';

const [file, outDir] = process.argv.slice(2);
const started = performance.now();
const result = await validateFile(file ?? '', { outDir });
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  JSON.stringify({
    seconds,
    rows: result.rows,
    findings: result.total,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    stateMb: result.stateBytes / 2 ** 20,
  }),
);
