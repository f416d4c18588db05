import Store from 'electron-store';
import { z } from 'zod';
import { DEFAULT_PREFERENCES, Preferences } from '../../shared/contract/schemas';
import type { PreferencesStore } from '../core/app/preferences';

/** The main window's last size and place. */
export const WindowBounds = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export interface DesktopPrefs extends PreferencesStore {
  windowBounds(): WindowBounds | null;
  saveWindowBounds(bounds: WindowBounds): void;
}

/** The same file as browser mode's preferences (`preferences.json` in the data folder), so language and theme follow the user. */
export const PREFS_NAME = 'preferences';

/**
 * Language, theme and window bounds in electron-store. Whatever is in the file is parsed: a damaged or
 * hand-edited value falls back to the default instead of reaching the app.
 */
export function createDesktopPrefs(dataDir: string): DesktopPrefs {
  const store = new Store<Record<string, unknown>>({
    name: PREFS_NAME,
    cwd: dataDir,
    clearInvalidConfig: true,
    accessPropertiesByDotNotation: false,
  });

  const get = (): Preferences => {
    const language = Preferences.shape.language.safeParse(store.get('language'));
    const theme = Preferences.shape.theme.safeParse(store.get('theme'));
    const idle = Preferences.shape.idleLockMinutes.safeParse(store.get('idleLockMinutes'));
    return {
      language: language.success ? language.data : DEFAULT_PREFERENCES.language,
      theme: theme.success ? theme.data : DEFAULT_PREFERENCES.theme,
      idleLockMinutes: idle.success ? idle.data : DEFAULT_PREFERENCES.idleLockMinutes,
    };
  };

  return {
    get,
    set(patch) {
      const next = Preferences.parse({ ...get(), ...patch });
      store.set('language', next.language);
      store.set('theme', next.theme);
      store.set('idleLockMinutes', next.idleLockMinutes);
      return next;
    },
    windowBounds() {
      const parsed = WindowBounds.safeParse(store.get('windowBounds'));
      return parsed.success ? parsed.data : null;
    },
    saveWindowBounds(bounds) {
      const parsed = WindowBounds.safeParse(bounds);
      if (parsed.success) store.set('windowBounds', parsed.data);
    },
  };
}
