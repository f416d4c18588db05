#!/usr/bin/env node
// The `collectdesk` command. Runs the command line on Node 22 or later (from a bundle of the TypeScript sources
// that launch.mjs keeps fresh); on an older Node it re-runs itself with the Node 22 that the project brings
// (node_modules/.bin/node).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../../', import.meta.url));
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  const bundled = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');
  if (!existsSync(bundled)) {
    process.stderr.write('collectdesk needs Node 22 or later: run "npm install" in the project first.\n');
    process.exit(2);
  }
  const r = spawnSync(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
await import('./launch.mjs');
