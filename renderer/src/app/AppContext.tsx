import { createContext, useContext } from 'react';
import type { AppStatus, Preferences } from '../../../shared/contract/schemas';

export interface AppContextValue {
  status: AppStatus;
  prefs: Preferences;
  /** re-reads app.status (after setup, unlock, sign-in, sign-out, lock) */
  refresh(): Promise<void>;
  /** replaces the status with one a call already returned */
  setStatus(status: AppStatus): void;
  /** applies at once, then saves with prefs.set */
  setPrefs(change: Partial<Preferences>): void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <AppContext>');
  return value;
}
