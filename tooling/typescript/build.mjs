// Builds a workspace's dist/ from scratch: tsc never deletes the output of a source file that
// was removed, so a stale module (or a deleted migration) would otherwise keep being loaded.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';

rmSync('dist', { recursive: true, force: true });
const tsc = createRequire(`${process.cwd()}/package.json`).resolve('typescript/bin/tsc');
const { status } = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
process.exit(status ?? 1);
