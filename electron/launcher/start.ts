import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runWebHost, UsageError } from '../web/run-web-host';
import { ensureElectronBuilt } from './build-electron';
import { ensureRendererBuilt } from './build-renderer';
import { electronPackageDir, findElectronBinary } from './electron-binary';
import { PROJECT_ROOT } from './paths';

export const NO_ELECTRON_SENTENCE =
  'The Electron runtime is not installed and cannot be downloaded on this machine, so CollectDesk opens in browser mode instead.';

/** The electron package's own installer, once, quietly: it downloads the binary, or fails fast without internet. */
function tryInstallElectron(): void {
  const dir = electronPackageDir();
  const installer = join(dir, 'install.js');
  if (!existsSync(installer)) return;
  spawnSync(process.execPath, [installer], { cwd: dir, stdio: 'pipe', timeout: 180_000, env: process.env });
}

function runElectron(bin: string, args: string[]): void {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(bin, [PROJECT_ROOT, ...args], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (err) => {
    process.stderr.write(`CollectDesk could not start Electron (${bin}): ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** `npm start [-- --data DIR]`: the desktop app when Electron is installed, browser mode when it is not. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let bin = findElectronBinary();
  if (!bin) {
    tryInstallElectron();
    bin = findElectronBinary();
  }
  if (!bin) {
    process.stdout.write(`${NO_ELECTRON_SENTENCE}\n`);
    await runWebHost(args);
    return;
  }
  await ensureRendererBuilt();
  await ensureElectronBuilt();
  runElectron(bin, args);
}

main().catch((err: unknown) => {
  const usage = err instanceof UsageError || String((err as { code?: unknown } | null)?.code).startsWith('ERR_PARSE_ARGS');
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(usage ? `${message}\n` : `CollectDesk could not start: ${message}\n`);
  process.exit(usage ? 2 : 1);
});
