/** One line of the packaging check's summary. */
export interface Check {
  ok: boolean;
  what: string;
  detail?: string;
}

export const DRIVER = 'better-sqlite3-multiple-ciphers';

/** Renderer-only libraries: vite bundles them, so the package must not carry them (TOOLCHAIN.md). */
const RENDERER_LIBS = ['react', 'react-dom', '@mui', '@emotion', 'i18next', 'react-i18next', '@fontsource'];

const REQUIRED = ['dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist-electron/placement-worker.cjs', 'dist/renderer/index.html', 'package.json'];

/**
 * What app.asar must and must not hold, from its listing (paths relative to the archive, `/`-separated):
 * the two bundles, the renderer and package.json; of node_modules only the SQLite driver's lib/ and the
 * target's prebuild; no renderer libraries, sources, source maps or foreign binaries.
 */
export function inspectAsarListing(listing: readonly string[], target: string): Check[] {
  const files = new Set(listing.map((p) => p.replace(/\\/g, '/').replace(/^\//, '')));
  const checks: Check[] = REQUIRED.map((f) => ({ ok: files.has(f), what: `app.asar holds ${f}` }));

  const modules = new Set<string>();
  for (const f of files) {
    const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f);
    if (m?.[1]) modules.add(m[1]);
  }
  const rendererLibs = [...modules].filter((m) => RENDERER_LIBS.some((lib) => m === lib || m.startsWith(`${lib}/`)));
  checks.push({ ok: rendererLibs.length === 0, what: 'no renderer library (react, @mui, …) in app.asar', detail: rendererLibs.join(', ') || undefined });
  const others = [...modules].filter((m) => m !== DRIVER && !rendererLibs.includes(m));
  checks.push({
    ok: others.length === 0,
    what: `no node_modules but ${DRIVER} (everything else is inside main.cjs)`,
    detail: others.length ? `found ${others.join(', ')}` : undefined,
  });

  const driver = `node_modules/${DRIVER}/`;
  checks.push({ ok: files.has(`${driver}lib/index.js`), what: `the driver's lib/ is packed` });
  const driverJunk = [...files].filter((f) => /^(src|deps|build)\//.test(f.slice(driver.length)) && f.startsWith(driver));
  checks.push({ ok: driverJunk.length === 0, what: "no driver src/, deps/ or build/", detail: driverJunk.slice(0, 3).join(', ') || undefined });
  const prebuilds = [...files].filter((f) => f.startsWith(`${driver}prebuilds/`) && f.endsWith('.node'));
  checks.push({
    ok: prebuilds.length === 1 && prebuilds[0] === `${driver}prebuilds/${target}.node`,
    what: `only the ${target} prebuild of the driver`,
    detail: prebuilds.map((p) => p.slice(`${driver}prebuilds/`.length)).join(', ') || 'none',
  });

  const stray = [...files].filter(
    (f) => f.endsWith('.map') || /^(electron|renderer|shared|test)\//.test(f) || (/\.tsx?$/.test(f) && !f.startsWith('node_modules/')),
  );
  checks.push({ ok: stray.length === 0, what: 'no sources, tests or source maps', detail: stray.slice(0, 5).join(', ') || undefined });
  return checks;
}
