#!/usr/bin/env node
// The README's two commands: `npm start` (install, build, start) and `npm test` (install,
// build, run every test). Needs only Node and npm: pnpm is fetched at the pinned version
// when the machine lacks it, and Chromium is installed from Debian's packages for the
// browser tests when running as root.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const pnpmVersion = manifest.packageManager.replace(/^pnpm@/, '');

function fail(message) {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

function step(title) {
  process.stdout.write(`\n▸ ${title}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) fail(`Could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`\`${[command, ...args].join(' ')}\` failed (exit ${result.status}).`);
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(`ILMS Hub needs Node.js 20.19 or newer (Node 24 LTS recommended); this is ${process.versions.node}.`);
  }
}

function pnpmCommand() {
  const found = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim() === pnpmVersion) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${pnpmVersion}`];
}

function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  if (candidates.some((candidate) => candidate && existsSync(candidate))) return;
  const canInstall = process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0;
  if (!canInstall) {
    fail(
      'The browser tests need Chromium. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH.',
    );
  }
  step('Installing Chromium from Debian packages for the browser tests');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
}

function startServer() {
  step('Starting ILMS Hub (Ctrl-C stops it)');
  const server = spawn(process.execPath, [path.join(root, 'apps/server/dist/main.js')], {
    cwd: root,
    stdio: 'inherit',
  });
  // Ctrl-C reaches the server through the terminal's process group; this process waits for it.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => server.kill('SIGTERM'));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const command = process.argv[2];
if (command !== 'start' && command !== 'test') fail('Usage: node scripts/run.mjs start|test');
checkNode();
const [pnpm, ...pnpmArgs] = pnpmCommand();
step(`Installing dependencies with pnpm ${pnpmVersion}`);
run(pnpm, [...pnpmArgs, 'install', '--frozen-lockfile']);
step('Building');
run(pnpm, [...pnpmArgs, 'run', 'build']);
if (command === 'start') {
  startServer();
} else {
  ensureChromium();
  step('Running every test');
  run(pnpm, [...pnpmArgs, 'exec', 'vitest', 'run']);
}
