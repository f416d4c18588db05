import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_PICK_CHANNEL } from '../../shared/contract/client';
import { METHOD_NAMES, ipcChannel } from '../../shared/contract/methods';
import { buildElectron, MAIN_OUT, PRELOAD_OUT, WORKER_OUT } from '../../electron/launcher/build-electron';
import { PROJECT_ROOT } from '../../electron/launcher/paths';
import { workerSource } from '../../electron/core/import/worker-source';
import { placementMapper } from '../../electron/core/import/mapped-row';
import { resolveColumns } from '../../electron/core/import/columns';
import { fixture, shippedProfile } from '../helpers/fixtures';

/**
 * The built main bundle, started in plain Node against a stand-in `electron` module: it catches what unit tests
 * of the sources cannot (bundling, CommonJS interop of electron-store, `import.meta`, the start-up order).
 */
describe('dist-electron/main.cjs', () => {
  let work = '';
  let fake = '';
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cd-main-bundle-'));
    fake = join(work, 'fake-electron.cjs');
    await buildElectron();
    await build({ entryPoints: [join(PROJECT_ROOT, 'test/packaging/fake-electron.ts')], outfile: fake, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function start(args: string[]): Record<string, unknown> {
    const r = spawnSync(process.execPath, ['--require', fake, MAIN_OUT, ...args], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, FAKE_ELECTRON_APP_PATH: PROJECT_ROOT, FAKE_ELECTRON_USER_DATA: join(work, 'userData'), COLLECTDESK_DATA: '' },
    });
    const line = r.stdout.split('\n').find((l) => l.startsWith('FAKE_ELECTRON_REPORT '));
    if (!line) throw new Error(`main.cjs printed no report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    return JSON.parse(line.slice('FAKE_ELECTRON_REPORT '.length)) as Record<string, unknown>;
  }

  it('starts: data folder from --data, hardened window on the built renderer, one IPC channel per method', () => {
    const dataDir = join(work, 'data');
    const r = start(['.', '--data', dataDir]);
    expect(r.errors).toEqual([]);
    expect(r.name).toBe('CollectDesk');
    expect(r.userData).toBe(dataDir);
    expect(r.sandbox).toBe(true);
    expect(r.csp).toBe(true);
    expect(r.window).toMatchObject({
      show: false,
      webPreferences: { preload: join(PROJECT_ROOT, 'dist-electron', 'preload.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    expect(r.loaded).toBe(join(PROJECT_ROOT, 'dist', 'renderer', 'index.html'));
    expect(r.channels).toEqual([...METHOD_NAMES.map(ipcChannel), FILE_PICK_CHANNEL].sort());
    expect(r.trusted).toMatchObject({ ok: true, value: { state: 'new', dataDir } });
    expect(r.foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(r.appEvents).toEqual(expect.arrayContaining(['web-contents-created', 'second-instance', 'window-all-closed', 'will-quit']));
  });

  it("uses Electron's userData when no folder is given", () => {
    const r = start(['.']);
    expect(r.userData).toBeUndefined();
    expect(r.trusted).toMatchObject({ ok: true, value: { dataDir: join(work, 'userData') } });
  });
});

describe('dist-electron/preload.cjs', () => {
  beforeAll(async () => {
    await buildElectron();
  }, 60_000);

  it("runs with a sandboxed preload's require (electron only) and exposes one function per method", async () => {
    const exposed = new Map<string, Record<string, (input: unknown) => Promise<unknown>>>();
    const calls: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (input: unknown) => Promise<unknown>>) => exposed.set(key, api) },
      ipcRenderer: { invoke: async (...args: unknown[]) => (calls.push(args), { ok: true, value: null }) },
    };
    const sandboxRequire = (name: string): unknown => {
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require "${name}"`);
    };
    const module = { exports: {} };
    runInNewContext(`(function (require, module, exports) {${readFileSync(PRELOAD_OUT, 'utf8')}\n})`, {})(sandboxRequire, module, module.exports);
    expect([...exposed.keys()]).toEqual(['collectdesk', 'collectdeskFiles']);
    expect(Object.keys(exposed.get('collectdeskFiles') ?? {})).toEqual(['pick']);
    const api = exposed.get('collectdesk') ?? {};
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    await api['app.status']?.({});
    expect(calls).toEqual([[ipcChannel('app.status'), {}]]);
  });
});

describe('dist-electron/placement-worker.cjs', () => {
  beforeAll(async () => {
    await buildElectron();
  }, 60_000);

  it('reads and maps a placement file on a worker thread, as the main bundle starts it', async () => {
    const section = shippedProfile('bank-b').placement;
    const source = workerSource({ url: pathToFileURL(WORKER_OUT) }, { file: fixture('bank-b', 'placement-2026-11.xlsx'), section, words: {} });
    try {
      const header = await source.header;
      expect(header.row).toBe(3);
      const rows = [];
      for await (const batch of source.batches(placementMapper(section, {}), resolveColumns(header.index, section))) rows.push(...batch);
      expect(rows.length).toBeGreaterThan(100);
      expect(rows.every((m) => m.problem === null)).toBe(true);
      expect(rows[0]).toMatchObject({ row: 4, record: { debtor: { name: expect.any(String) }, case: { placedAmountFen: expect.any(Number) } } });
    } finally {
      await source.close();
    }
  });
});
