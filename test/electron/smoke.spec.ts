import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BridgeApi } from '../../shared/contract/client';
import { buildElectron } from '../../electron/launcher/build-electron';
import { ensureRendererBuilt } from '../../electron/launcher/build-renderer';
import { expectedElectronBinary, findElectronBinary } from '../../electron/launcher/electron-binary';
import { PROJECT_ROOT } from '../../electron/launcher/paths';

/**
 * The desktop app itself, where an Electron binary is installed. Without one (it cannot be downloaded on
 * machines without internet) the test is skipped and says why; the same screens run in Chromium in test/e2e.
 */
const binary = findElectronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skipReason = !binary
  ? `No Electron binary at ${expectedElectronBinary()}; it cannot be downloaded here, so the desktop smoke test is skipped (install Electron or set ELECTRON_OVERRIDE_DIST_PATH to run it).`
  : noDisplay
    ? 'Electron is installed but there is no display; run under `xvfb-run -a` to include the desktop smoke test.'
    : null;
if (skipReason) console.log(`[electron] ${skipReason}`);

test.describe('desktop app (Electron)', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let dataDir = '';
  test.beforeAll(async () => {
    await ensureRendererBuilt();
    await buildElectron();
  });
  test.beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'collectdesk-electron-'));
  });
  test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test('opens one hardened window on the first-run screen', async () => {
    // Chromium's own sandbox refuses to start as root (CI containers); the renderer stays sandboxed by Electron's settings.
    const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const env = Object.fromEntries(
      Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== 'ELECTRON_RUN_AS_NODE' && e[0] !== 'COLLECTDESK_DATA'),
    );
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [PROJECT_ROOT, '--data', dataDir, ...rootOnly],
      cwd: PROJECT_ROOT,
      env,
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle(/CollectDesk/);
      await expect(page.getByRole('heading', { name: '首次使用：创建数据库' })).toBeVisible();

      // The bridge answers through IPC, from the app's own data folder.
      const status = await page.evaluate(() => (window as unknown as { collectdesk: BridgeApi }).collectdesk['app.status']({}));
      expect(status).toMatchObject({ ok: true, value: { state: 'new', dataDir } });

      // No Node in the page, no generic invoke on the bridge, no second window.
      const inPage = await page.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        bridge: Object.keys((window as unknown as { collectdesk: object }).collectdesk).filter((k) => !k.includes('.')),
        opened: window.open('https://example.com/') === null,
      }));
      expect(inPage).toEqual({ require: 'undefined', process: 'undefined', bridge: [], opened: true });
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
