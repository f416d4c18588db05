import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_PREFERENCES, Preferences } from '../../../shared/contract/schemas';

/** Where the user's preferences (language, theme) live: electron-store on the desktop, a JSON file in browser mode. */
export interface PreferencesStore {
  get(): Preferences;
  set(patch: Partial<Preferences>): Preferences;
}

/** A JSON file, for browser mode and the CLI. A damaged file falls back to the defaults. */
export function jsonFilePreferences(file: string): PreferencesStore {
  const read = (): Preferences => {
    if (!existsSync(file)) return DEFAULT_PREFERENCES;
    try {
      return Preferences.parse({ ...DEFAULT_PREFERENCES, ...JSON.parse(readFileSync(file, 'utf8')) });
    } catch {
      return DEFAULT_PREFERENCES;
    }
  };
  return {
    get: read,
    set(patch) {
      const next = { ...read(), ...patch };
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(next, null, 2));
      return next;
    },
  };
}

export function memoryPreferences(initial: Preferences = DEFAULT_PREFERENCES): PreferencesStore {
  let current = initial;
  return { get: () => current, set: (patch) => (current = { ...current, ...patch }) };
}
