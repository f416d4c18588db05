import type { Via } from '../audit/audit';
import type { Clock } from '../clock';
import type { HubSyncLoopOptions } from '../hub/sync-loop';
import type { PreferencesStore } from './preferences';

/** How the core app is set up by its host (the desktop's main process, the browser-mode web host, tests). */
export interface CoreAppOptions {
  dataDir: string;
  via: Via;
  clock?: Clock;
  /** called with the derived database key after a successful unlock or setup (the desktop caches it) */
  onKey?: (key: Buffer) => void;
  /**
   * The desktop's keychain cache of the database key: after an idle lock the database is opened again with it, so the
   * user only signs in again. Absent in browser mode (the passphrase is asked again).
   */
  keyCache?: { load(): Promise<Buffer | null>; clear(): void };
  /** language and theme; defaults to memory only */
  prefs?: PreferencesStore;
  /** log of unexpected errors (never shown to the user) */
  logError?: (method: string, err: unknown) => void;
  /** the hub loop's timings (tests shorten them) */
  hubLoop?: Pick<HubSyncLoopOptions, 'intervalMs' | 'debounceMs' | 'backoffMs'>;
}

/**
 * How long a request of the app waits for the store's write lock held by another program (an import from the command
 * line). The wait holds the app's one thread, so every screen would stop answering meanwhile: it is short, and the
 * screens try again a little later (renderer/src/api/retry.ts) while the import goes on.
 */
export const APP_BUSY_TIMEOUT_MS = 1000;
