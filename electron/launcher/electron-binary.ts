import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths';

/** The folder of the `electron` npm package. Never `require('electron')` outside Electron: it tries to download the binary. */
export function electronPackageDir(root: string = PROJECT_ROOT): string {
  return join(root, 'node_modules', 'electron');
}

function executableName(dir: string, platform: NodeJS.Platform): string {
  const pathTxt = join(dir, 'path.txt');
  if (existsSync(pathTxt)) return readFileSync(pathTxt, 'utf8').trim();
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/**
 * Where the Electron executable would be, the way the electron package finds it: ELECTRON_OVERRIDE_DIST_PATH,
 * else node_modules/electron/dist/<path.txt>.
 */
export function expectedElectronBinary(env: NodeJS.ProcessEnv = process.env, root: string = PROJECT_ROOT, platform: NodeJS.Platform = process.platform): string {
  const dir = electronPackageDir(root);
  const name = executableName(dir, platform);
  return env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, name) : join(dir, 'dist', name);
}

/** The Electron executable, or null when it is not installed. */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env, root: string = PROJECT_ROOT, platform: NodeJS.Platform = process.platform): string | null {
  const bin = expectedElectronBinary(env, root, platform);
  return existsSync(bin) ? bin : null;
}
