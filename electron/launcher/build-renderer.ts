import { join } from 'node:path';
import { isStale } from './freshness';
import { PROJECT_ROOT, RENDERER_OUT } from './paths';

const INPUTS = ['renderer', 'shared', 'resources/locales', 'vite.config.ts'].map((p) => join(PROJECT_ROOT, p));

/** Builds the renderer when its sources are newer than the last build, so `npm run web` needs no build step. */
export async function ensureRendererBuilt(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<string> {
  const index = join(RENDERER_OUT, 'index.html');
  if (isStale(index, INPUTS)) {
    log('Building the app (first run or changed sources)…');
    const { build } = await import('vite');
    await build({ configFile: join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  }
  return RENDERER_OUT;
}
