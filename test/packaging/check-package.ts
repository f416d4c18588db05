import { extractAll, extractFile, listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildElectron } from '../../electron/launcher/build-electron';
import { ensureRendererBuilt } from '../../electron/launcher/build-renderer';
import { electronPackageDir } from '../../electron/launcher/electron-binary';
import { PROJECT_ROOT } from '../../electron/launcher/paths';
import { DRIVER, inspectAsarListing, type Check } from './inspect-package';
import { createStandInElectronDist } from './stand-in-electron';

/**
 * `npm run check:package`: build, run electron-builder --dir for Linux with a stand-in Electron (the real one
 * cannot be downloaded here), and check what went into app.asar and app.asar.unpacked.
 */
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(p) : statSync(p).size;
  }
  return total;
}

function runElectronBuilder(electronDist: string, outDir: string, arch: string): { ok: boolean; output: string; ms: number } {
  const cli = join(PROJECT_ROOT, 'node_modules', 'electron-builder', 'cli.js');
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [cli, '--dir', '--linux', `--${arch}`, `-c.electronDist=${electronDist}`, `-c.directories.output=${outDir}`],
    { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, timeout: 300_000 },
  );
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`, ms: Date.now() - started };
}

interface DriverDb {
  pragma(sql: string): unknown;
  exec(sql: string): void;
  prepare(sql: string): { get(): unknown };
  close(): void;
}

/**
 * The packed driver (its lib/ and the unpacked binary, extracted as Electron would see them) opens an encrypted
 * database in this Node: N-API, so the same binary loads in Electron.
 */
function packedDriverWorks(asar: string, into: string): Check {
  const what = 'the packed driver opens an encrypted database (N-API binary loads)';
  try {
    extractAll(asar, into);
    const Database = createRequire(import.meta.url)(join(into, 'node_modules', DRIVER)) as new (file: string) => DriverDb;
    const db = new Database(join(into, 'check.db'));
    try {
      db.pragma(`cipher='sqlcipher'`);
      db.pragma(`key='packaging-check'`);
      db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (42);');
      const row = db.prepare('SELECT x FROM t').get() as { x?: number } | undefined;
      return { ok: row?.x === 42, what };
    } finally {
      db.close();
    }
  } catch (err) {
    return { ok: false, what, detail: err instanceof Error ? err.message : String(err) };
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  const target = `linux-${arch}`;
  const work = mkdtempSync(join(tmpdir(), 'collectdesk-package-'));
  const checks: Check[] = [];
  try {
    process.stdout.write('Building the renderer and the Electron bundles…\n');
    const buildStart = Date.now();
    await ensureRendererBuilt((line) => process.stdout.write(`${line}\n`));
    await buildElectron();
    const buildMs = Date.now() - buildStart;

    const dist = createStandInElectronDist(join(work, 'electron-dist'), electronPackageDir());
    process.stdout.write(`Packaging with electron-builder --dir --linux --${arch} (stand-in Electron ${dist.version})…\n`);
    const out = join(work, 'release');
    const eb = runElectronBuilder(dist.dir, out, arch);
    checks.push({ ok: eb.ok, what: 'electron-builder --dir exits 0' });
    if (!eb.ok) process.stdout.write(`${eb.output}\n`);

    const resources = join(out, arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`, 'resources');
    const asar = join(resources, 'app.asar');
    const unpacked = join(resources, 'app.asar.unpacked');
    let asarSize = 0;
    let unpackedSize = 0;
    if (existsSync(asar)) {
      asarSize = statSync(asar).size;
      checks.push(...inspectAsarListing(listPackage(asar, { isPack: false }), target));
      const pkg = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main?: string };
      checks.push({ ok: pkg.main === 'dist-electron/main.cjs', what: 'package.json "main" is dist-electron/main.cjs', detail: pkg.main });
    } else if (eb.ok) {
      checks.push({ ok: false, what: 'app.asar exists', detail: asar });
    }
    const binary = join(unpacked, 'node_modules', DRIVER, 'prebuilds', `${target}.node`);
    checks.push({ ok: existsSync(binary), what: `app.asar.unpacked holds the driver's ${target}.node` });
    if (existsSync(asar) && existsSync(binary)) checks.push(packedDriverWorks(asar, join(work, 'extracted')));
    if (existsSync(unpacked)) unpackedSize = dirSize(unpacked);

    process.stdout.write('\nPackaging check\n');
    for (const c of checks) process.stdout.write(`  ${c.ok ? 'PASS' : 'FAIL'}  ${c.what}${c.detail ? ` (${c.detail})` : ''}\n`);
    const failed = checks.filter((c) => !c.ok).length;
    process.stdout.write(
      `\napp.asar ${mb(asarSize)}, app.asar.unpacked ${mb(unpackedSize)}; build ${seconds(buildMs)}, electron-builder ${seconds(eb.ms)}, total ${seconds(Date.now() - started)}\n`,
    );
    process.stdout.write(failed === 0 ? `PASS: all ${checks.length} checks.\n` : `FAIL: ${failed} of ${checks.length} checks failed.\n`);
    return failed === 0 ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`The packaging check could not run: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
