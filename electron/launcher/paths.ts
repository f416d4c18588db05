import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The project root, from wherever the sources are run. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_OUT = join(PROJECT_ROOT, 'dist', 'renderer');
export const ELECTRON_OUT = join(PROJECT_ROOT, 'dist-electron');
