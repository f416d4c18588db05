import { CssBaseline, ThemeProvider } from '@mui/material';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DEFAULT_PREFERENCES, type AppStatus, type Preferences, type SessionUser } from '../../../shared/contract/schemas';
import { api, isApiError } from '../api/client';
import { Notifier } from '../components/Notifier';
import { PickerLocale } from '../components/PickerLocale';
import { Watermark } from '../components/Watermark';
import { applyLanguage } from '../i18n';
import { FirstRun } from '../screens/FirstRun';
import { NoAccess } from '../screens/NoAccess';
import { SignIn } from '../screens/SignIn';
import { Splash } from '../screens/Splash';
import { Unlock } from '../screens/Unlock';
import { Shell } from '../shell/Shell';
import { createAppTheme } from '../theme';
import { AppContext, type AppContextValue } from './AppContext';
import { noteIdleLock } from './idleLockNote';
import { IdleWarning } from './IdleWarning';
import { useIdleLock } from './useIdleLock';

/** The signed-in shell, under the watermark, locked after the workstation's idle time (warned a minute before). */
function SignedIn({ user, dark, idleMinutes, onIdle, onActive }: { user: SessionUser; dark: boolean; idleMinutes: number; onIdle: () => void; onActive: () => void }) {
  const warning = useIdleLock(idleMinutes, onIdle, onActive);
  return (
    <>
      <Shell user={user} />
      <IdleWarning seconds={warning} />
      <Watermark user={user} dark={dark} />
    </>
  );
}

type Boot = { kind: 'loading' } | { kind: 'no-access' } | { kind: 'failed'; error: unknown } | { kind: 'ready'; status: AppStatus };

/** Chooses the screen from app.status: first run, unlock, sign in, or the signed-in shell. */
export function App() {
  const [boot, setBoot] = useState<Boot>(() => (api.hasToken ? { kind: 'loading' } : { kind: 'no-access' }));
  const [prefs, setPrefsState] = useState<Preferences>(DEFAULT_PREFERENCES);

  const refresh = useCallback(async () => {
    try {
      setBoot({ kind: 'ready', status: await api.call('app.status', {}) });
    } catch (error) {
      setBoot(isApiError(error) && error.code === 'unauthenticated' ? { kind: 'no-access' } : { kind: 'failed', error });
    }
  }, []);

  useEffect(() => {
    if (!api.hasToken) return;
    void api
      .call('prefs.get', {})
      .then((p) => {
        applyLanguage(p.language);
        setPrefsState(p);
      })
      .catch(() => applyLanguage(DEFAULT_PREFERENCES.language))
      .finally(() => void refresh());
    return api.onSessionLost(() => void refresh());
  }, [refresh]);

  const setPrefs = useCallback((change: Partial<Preferences>) => {
    if (change.language) applyLanguage(change.language);
    setPrefsState((p) => ({ ...p, ...change }));
    void api.call('prefs.set', change).catch(() => undefined);
  }, []);

  const lockForIdle = useCallback(() => {
    noteIdleLock(prefs.idleLockMinutes);
    void api.call('app.lock', { idle: true }).finally(() => void refresh());
  }, [refresh, prefs.idleLockMinutes]);

  // Input tells the app the user is still there; when the answer says the session has ended meanwhile (the web host
  // ended it as idle, or locked the store), the lock or sign-in screen comes at once.
  const stillHere = useCallback(() => {
    void api
      .call('app.status', {})
      .then((status) => {
        if (status.state !== 'open' || !status.user) setBoot({ kind: 'ready', status });
      })
      .catch(() => undefined);
  }, []);

  const theme = useMemo(() => createAppTheme(prefs.theme), [prefs.theme]);
  const context = useMemo<AppContextValue | null>(
    () =>
      boot.kind === 'ready'
        ? { status: boot.status, prefs, refresh, setPrefs, setStatus: (status) => setBoot({ kind: 'ready', status }) }
        : null,
    [boot, prefs, refresh, setPrefs],
  );

  let screen;
  if (boot.kind === 'loading') screen = <Splash />;
  else if (boot.kind === 'no-access') screen = <NoAccess />;
  else if (boot.kind === 'failed') screen = <Splash error={boot.error} onRetry={() => void refresh()} />;
  else {
    const { state, user } = boot.status;
    if (state === 'new') screen = <FirstRun />;
    else if (state === 'locked') screen = <Unlock />;
    else if (!user) screen = <SignIn />;
    else screen = <SignedIn user={user} dark={prefs.theme === 'dark'} idleMinutes={prefs.idleLockMinutes} onIdle={lockForIdle} onActive={stillHere} />;
  }

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Notifier>
        <PickerLocale language={prefs.language}>
          <AppContext.Provider value={context}>{screen}</AppContext.Provider>
        </PickerLocale>
      </Notifier>
    </ThemeProvider>
  );
}
