// Installs the benchmark's own dependencies (bench/package.json: Hive Gateway, its Rust query
// planner, the load generator) into bench/node_modules on first use, exactly as locked in
// bench/package-lock.json. They are not the product's: `npm install` at the root never pulls them.
// Run by `npm run bench` and `npm run soak` before anything else; reinstalls when the lock changes.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bench = fileURLToPath(new URL('.', import.meta.url));
const lock = `${bench}package-lock.json`;
const installed = `${bench}node_modules/.package-lock.json`;

if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  process.stderr.write('Installing the benchmark\'s own dependencies into bench/node_modules (npm ci --prefix bench)…\n');
  const result = spawnSync('npm', ['ci', '--prefix', bench, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('Could not install the benchmark\'s dependencies; see npm\'s output above.\n');
    process.exit(result.status ?? 1);
  }
}
