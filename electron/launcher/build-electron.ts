import { build, type BuildOptions, type Message, type Metafile } from 'esbuild';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { isStale } from './freshness';
import { ELECTRON_OUT, PROJECT_ROOT } from './paths';

export const MAIN_OUT = join(ELECTRON_OUT, 'main.cjs');
export const PRELOAD_OUT = join(ELECTRON_OUT, 'preload.cjs');
export const WORKER_OUT = join(ELECTRON_OUT, 'placement-worker.cjs');

/** Loaded by Electron at run time, never bundled: Electron itself and the SQLite driver (native, unpacked from the asar). */
export const MAIN_EXTERNALS = ['electron', 'better-sqlite3-multiple-ciphers'];

const INPUTS = ['electron/main', 'electron/preload', 'electron/core', 'electron/web/security.ts', 'shared', 'package.json'].map((p) =>
  join(PROJECT_ROOT, p),
);

const common: BuildOptions = {
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'silent',
  absWorkingDir: PROJECT_ROOT,
  metafile: true,
};

/** A CommonJS bundle for Electron's Node: bundled ESM code that reads `import.meta.url` gets the file's own URL. */
function nodeBundle(entry: string, outfile: string): BuildOptions {
  return {
    ...common,
    entryPoints: [join(PROJECT_ROOT, entry)],
    outfile,
    platform: 'node',
    target: 'node22',
    define: { 'import.meta.url': '__collectdesk_import_meta_url' },
    banner: { js: 'const __collectdesk_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  };
}

/** The main process: one CommonJS file with everything but Electron and the driver inside (electron-store, conf, zod, our core). */
const mainOptions: BuildOptions = { ...nodeBundle('electron/main/index.ts', MAIN_OUT), external: MAIN_EXTERNALS };

/** The worker thread that reads a placement file while the main process writes it (core/import/worker-entry.ts). */
const workerOptions = nodeBundle('electron/core/import/placement-worker.ts', WORKER_OUT);

/**
 * The preload: with `sandbox: true` it may only require 'electron' (and a few polyfilled modules), so the
 * contract and zod go inside one CommonJS file.
 */
const preloadOptions: BuildOptions = {
  ...common,
  entryPoints: [join(PROJECT_ROOT, 'electron/preload/index.ts')],
  outfile: PRELOAD_OUT,
  platform: 'browser',
  target: 'chrome120',
  external: ['electron'],
  minify: true,
};

function describe(messages: Message[]): string {
  return messages.map((m) => `${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`).join('\n');
}

/** The modules a bundle leaves to `require` at run time that are neither Node built-ins nor in `allowed`. */
export function unexpectedExternals(metafile: Metafile, allowed: readonly string[]): string[] {
  const builtins = new Set(builtinModules);
  const found = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imp of output.imports) {
      if (!imp.external) continue;
      const name = imp.path.replace(/^node:/, '');
      if (builtins.has(name) || allowed.includes(imp.path)) continue;
      found.add(imp.path);
    }
  }
  return [...found].sort();
}

/**
 * Builds dist-electron/main.cjs and dist-electron/preload.cjs. Any esbuild warning fails the build, and so does
 * a module left outside a bundle that the packaged app would not have.
 */
export async function buildElectron(): Promise<{ main: string; preload: string }> {
  const bundles: [BuildOptions, readonly string[]][] = [
    [mainOptions, MAIN_EXTERNALS],
    [preloadOptions, ['electron']],
    [workerOptions, []],
  ];
  for (const [options, allowed] of bundles) {
    const result = await build(options);
    if (result.warnings.length > 0) throw new Error(`The Electron bundle has warnings:\n${describe(result.warnings)}`);
    const stray = result.metafile ? unexpectedExternals(result.metafile, allowed) : [];
    if (stray.length > 0) throw new Error(`${String(options.outfile)} would require modules the app does not ship: ${stray.join(', ')}`);
  }
  return { main: MAIN_OUT, preload: PRELOAD_OUT };
}

/** Builds the Electron bundles when their sources are newer than the last build. */
export async function ensureElectronBuilt(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<void> {
  if (isStale(MAIN_OUT, INPUTS) || isStale(PRELOAD_OUT, INPUTS) || isStale(WORKER_OUT, INPUTS)) {
    log('Building the Electron shell…');
    await buildElectron();
  }
}
