import { buildElectron } from './build-electron';
import { ensureRendererBuilt } from './build-renderer';

/** `npm run build`: the renderer (when stale) and both Electron bundles, ready for `electron .` or electron-builder. */
async function main(): Promise<void> {
  const started = Date.now();
  await ensureRendererBuilt();
  const { main, preload } = await buildElectron();
  process.stdout.write(`Built the renderer, ${main} and ${preload} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`The build failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
