import { app, dialog, Menu, safeStorage, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CoreApp } from '../core/app/core-app';
import { APP_VERSION } from '../core/version';
import { unlockWithCachedKey } from './cached-unlock';
import { resolveDataDir } from './data-dir';
import { registerIpc } from './ipc';
import { registerFilePicker } from './file-picker';
import { createKeychain } from './keychain';
import { menuTemplate } from './menu';
import { createDesktopPrefs } from './prefs';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

const APP_NAME = 'CollectDesk';

function logError(method: string, err: unknown): void {
  process.stderr.write(`[${method}] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
}

/** The Electron shell: one window over one CoreApp; every request goes through the contract (ipc.ts). */
function main(): void {
  app.setName(APP_NAME);
  const { dataDir, custom } = resolveDataDir(process.argv, process.env, () => app.getPath('userData'));
  // A chosen data folder takes Chromium's profile, the preferences and the single-instance lock with it.
  if (custom) app.setPath('userData', dataDir);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const indexHtml = join(app.getAppPath(), 'dist', 'renderer', 'index.html');
  const preloadPath = join(app.getAppPath(), 'dist-electron', 'preload.cjs');
  const appUrl = pathToFileURL(indexHtml).href;
  let win: BrowserWindow | null = null;
  let core: CoreApp | null = null;

  app.on('web-contents-created', (_event, wc) => hardenWebContents(wc, appUrl));
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });

  const start = async (): Promise<void> => {
    await app.whenReady();
    hardenSession(session.defaultSession);
    const prefs = createDesktopPrefs(dataDir);
    const keychain = createKeychain(dataDir, safeStorage);
    const shell = new CoreApp({ dataDir, via: 'ui', prefs, logError, onKey: (key) => void keychain.save(key), keyCache: keychain });
    core = shell;
    await unlockWithCachedKey(shell, keychain);
    registerIpc(shell, appUrl);
    registerFilePicker(shell, appUrl);
    const about = (): void => {
      const options = { type: 'info' as const, title: APP_NAME, message: `CollectDesk ${APP_VERSION}`, detail: '委外催收工作台' };
      void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
    };
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(menuTemplate({ language: prefs.get().language, dev: !app.isPackaged, mac: process.platform === 'darwin', onAbout: about })),
    );
    win = createMainWindow({ preloadPath, indexHtml, prefs, devTools: !app.isPackaged });
    win.on('closed', () => {
      win = null;
    });
  };

  start().catch((err: unknown) => {
    logError('startup', err);
    dialog.showErrorBox('CollectDesk could not start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
}

main();
