import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A folder electron-builder accepts as `electronDist` without downloading Electron (TOOLCHAIN.md, Packaging):
 * an executable named `electron`, a `version` file with the electron package's version, and its LICENSE.
 * It checks the `files`/`asarUnpack` configuration; it is not an app anyone can run.
 */
export function createStandInElectronDist(dir: string, electronPackageDir: string): { dir: string; version: string } {
  const { version } = JSON.parse(readFileSync(join(electronPackageDir, 'package.json'), 'utf8')) as { version: string };
  mkdirSync(dir, { recursive: true });
  const exe = join(dir, 'electron');
  writeFileSync(exe, '#!/bin/sh\necho "stand-in Electron for packaging checks: it does not run the app" >&2\nexit 1\n');
  chmodSync(exe, 0o755);
  writeFileSync(join(dir, 'version'), version);
  copyFileSync(join(electronPackageDir, 'LICENSE'), join(dir, 'LICENSE'));
  return { dir, version };
}
