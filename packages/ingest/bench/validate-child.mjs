// Plain JavaScript on purpose: the benchmark measures the built package (dist) run by plain
// node, as production runs it, not the TypeScript sources through a loader.
import { validateFile } from '../dist/index.js';

const [file, outDir] = process.argv.slice(2);
const mb = (bytes) => bytes / 2 ** 20;
let peak = process.memoryUsage();
// Timers fire only between 64 kB chunks, so sampling costs nothing per row.
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  if (now.rss > peak.rss) peak = now;
}, 50);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = await validateFile(file ?? '', { outDir });
const seconds = (performance.now() - started) / 1000;
// CPU time, unlike wall time, barely moves when other work shares the machine's two cores.
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
process.stdout.write(
  JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rows: result.rows,
    findings: result.total,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: mb(peak.heapUsed),
    arrayBuffersMb: mb(peak.arrayBuffers),
    stateMb: mb(result.stateBytes),
    threads: result.threads,
  }),
);
