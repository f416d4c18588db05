import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { WorkerEntry } from './worker-source';

/**
 * The placement worker's script for a program run from this module's own form: in a bundle, the worker's bundle beside it
 * (the CLI's dist-cli/placement-worker.mjs, the desktop's dist-electron/placement-worker.cjs); from the TypeScript sources (tsx, the web
 * host), the .ts source with tsx's loader.
 */
export function placementWorkerEntry(): WorkerEntry {
  const here = import.meta.url;
  if (here.endsWith('.cjs')) return { url: new URL('./placement-worker.cjs', here) };
  if (!here.endsWith('.ts')) return { url: new URL('./placement-worker.mjs', here) };
  const tsx = createRequire(here).resolve('tsx');
  return { url: new URL('./placement-worker.ts', here), execArgv: ['--import', pathToFileURL(tsx).href] };
}
