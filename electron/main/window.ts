import { BrowserWindow, screen } from 'electron';
import type { DesktopPrefs } from './prefs';
import { windowOptions } from './security';
import { placeWindow } from './window-bounds';

export interface MainWindowOptions {
  preloadPath: string;
  indexHtml: string;
  prefs: DesktopPrefs;
  devTools: boolean;
}

/** The one window: hardened options, the last bounds restored, shown once painted, bounds saved on close. */
export function createMainWindow(o: MainWindowOptions): BrowserWindow {
  const saved = o.prefs.windowBounds();
  const place = placeWindow(saved, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({ ...windowOptions(o.preloadPath, { devTools: o.devTools }), ...place });
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize();
    win.show();
  });
  // A page that fails to load never becomes ready to show: show the window anyway rather than nothing.
  win.webContents.once('did-fail-load', () => win.show());
  win.on('close', () => {
    o.prefs.saveWindowBounds({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  });
  void win.loadFile(o.indexHtml);
  return win;
}
