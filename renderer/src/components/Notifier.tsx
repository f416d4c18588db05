import { Alert, Snackbar, type AlertColor } from '@mui/material';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type Notify = (message: string, severity?: AlertColor) => void;

const NotifyContext = createContext<Notify>(() => undefined);

/** Short confirmations ("user added") in the lower left corner, one at a time. */
export function Notifier({ children }: { children: ReactNode }) {
  const [note, setNote] = useState<{ message: string; severity: AlertColor; key: number } | null>(null);
  const notify = useCallback<Notify>((message, severity = 'success') => setNote({ message, severity, key: Date.now() }), []);
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <Snackbar
        key={note?.key}
        open={note !== null}
        autoHideDuration={4000}
        onClose={(_e, reason) => reason !== 'clickaway' && setNote(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      >
        {note ? (
          <Alert severity={note.severity} role={note.severity === 'error' ? 'alert' : 'status'} variant="filled" onClose={() => setNote(null)} sx={{ minWidth: 280 }}>
            {note.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </NotifyContext.Provider>
  );
}

export function useNotify(): Notify {
  return useContext(NotifyContext);
}
