// Runs the command line from an esbuild bundle of its TypeScript sources, cached in dist-cli/ and rebuilt on
// demand whenever one of the files it was built from changed (so `npm run cli` works straight after `npm ci`, with
// no build step). Compiling the sources through tsx at every start cost ~0.7 s; loading the bundle costs ~0.1 s.
// Dependencies stay outside the bundle and load from node_modules as usual. Without esbuild (a production install)
// or when the bundle cannot be built, it runs the sources through tsx.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = join(ROOT, 'electron', 'cli', 'main.ts');
// Bundled beside the CLI: the worker thread that reads a placement file while the import writes (worker-entry.ts).
const WORKER = join(ROOT, 'electron', 'core', 'import', 'placement-worker.ts');
const OUT_DIR = join(ROOT, 'dist-cli');
const BUNDLE = join(OUT_DIR, 'cli.mjs');
const MANIFEST = join(OUT_DIR, 'cli.inputs.json');
const SELF = fileURLToPath(import.meta.url);
// Bump when the build options below change: a bundle made with other options is rebuilt.
const OPTIONS_VERSION = 2;

/** The bundle is fresh when it was built with these options and no input changed (or vanished) since. */
function isFresh() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return false;
  }
  if (manifest.version !== OPTIONS_VERSION || !existsSync(BUNDLE) || !existsSync(join(OUT_DIR, 'placement-worker.mjs'))) return false;
  for (const file of [SELF, ...manifest.inputs]) {
    try {
      if (statSync(file).mtimeMs > manifest.builtAt) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Writes a file under a temporary name and renames it, so a concurrent start never reads half a file. */
function writeAtomically(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

async function build(esbuild) {
  // Taken before reading the sources: a file saved while the build runs makes the next start rebuild.
  const builtAt = Date.now();
  const result = await esbuild.build({
    entryPoints: { cli: ENTRY, 'placement-worker': WORKER },
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    packages: 'external',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'silent',
    absWorkingDir: ROOT,
    metafile: true,
    write: false,
  });
  mkdirSync(OUT_DIR, { recursive: true });
  for (const f of result.outputFiles) writeAtomically(f.path, f.contents);
  const inputs = Object.keys(result.metafile.inputs).map((p) => join(ROOT, p));
  writeAtomically(MANIFEST, `${JSON.stringify({ version: OPTIONS_VERSION, builtAt, inputs }, null, 1)}\n`);
}

async function loadEsbuild() {
  try {
    return await import('esbuild');
  } catch {
    return null;
  }
}

let fresh = isFresh();
if (!fresh) {
  const esbuild = await loadEsbuild();
  if (esbuild) {
    try {
      await build(esbuild);
      fresh = true;
    } catch {
      // A folder that cannot be written, or sources esbuild refuses: tsx runs them (and reports what is wrong).
    }
  }
}
if (fresh) {
  if (process.env.COLLECTDESK_DEBUG) process.setSourceMapsEnabled(true);
  await import(pathToFileURL(BUNDLE).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(ENTRY).href);
}
