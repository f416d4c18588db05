import { describe, expect, it } from 'vitest';
import { inspectAsarListing } from './inspect-package';

const GOOD = [
  '/dist-electron/main.cjs',
  '/dist-electron/preload.cjs',
  '/dist-electron/placement-worker.cjs',
  '/dist/renderer/index.html',
  '/dist/renderer/assets/index-abc.js',
  '/package.json',
  '/node_modules/better-sqlite3-multiple-ciphers/lib/index.js',
  '/node_modules/better-sqlite3-multiple-ciphers/package.json',
  '/node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node',
];

const failed = (listing: string[]) => inspectAsarListing(listing, 'linux-x64').filter((c) => !c.ok).map((c) => c.what);

describe('inspectAsarListing', () => {
  it('passes a package with the bundles, the renderer and the driver only', () => {
    expect(failed(GOOD)).toEqual([]);
  });

  it('fails on renderer libraries, other modules, foreign prebuilds, driver sources and source files', () => {
    const bad = [
      ...GOOD,
      '/node_modules/react/index.js',
      '/node_modules/@mui/material/index.js',
      '/node_modules/zod/index.js',
      '/node_modules/better-sqlite3-multiple-ciphers/prebuilds/win32-x64.node',
      '/node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c',
      '/electron/main/index.ts',
      '/dist-electron/main.cjs.map',
    ];
    expect(failed(bad)).toEqual([
      'no renderer library (react, @mui, …) in app.asar',
      'no node_modules but better-sqlite3-multiple-ciphers (everything else is inside main.cjs)',
      'no driver src/, deps/ or build/',
      'only the linux-x64 prebuild of the driver',
      'no sources, tests or source maps',
    ]);
  });

  it('fails when a required file is missing', () => {
    expect(failed(GOOD.filter((f) => !f.includes('preload')))).toEqual(['app.asar holds dist-electron/preload.cjs']);
  });
});
