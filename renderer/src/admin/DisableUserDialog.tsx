import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../shared/contract/schemas';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';

/**
 * Disabling a user asks first; one who still holds cases can hand them all to another active collector in the same
 * step (an assignment, audited and undoable on the assignment screen), or keep them until a lead reassigns them.
 */
export function DisableUserDialog({ user, users, onClose, onDone }: { user: UserRow | null; users: UserRow[]; onClose(): void; onDone(user: UserRow, moved: number): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setTo('');
    setError(null);
  }, [user]);
  const others = users.filter((u) => u.role === 'collector' && !u.disabled && u.id !== user?.id);

  async function run() {
    if (!user) return;
    setBusy(true);
    setError(null);
    try {
      const moved = to ? (await api.call('assign.run', { assignedTo: user.id, to: [to] })).assigned : 0;
      onDone(await api.call('users.setDisabled', { userId: user.id, disabled: true }), moved);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={user !== null} onClose={() => !busy && onClose()} maxWidth="sm" fullWidth aria-labelledby="disable-user-title">
      <DialogTitle id="disable-user-title">{t('users.disableTitle', { name: user?.displayName ?? '' })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('users.disableBody')}</DialogContentText>
        {user && user.openCases > 0 && (
          <TextField
            select
            fullWidth
            label={t('users.moveCases', { n: user.openCases })}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">{t('users.keepCases')}</MenuItem>
            {others.map((u) => (
              <MenuItem key={u.id} value={u.id}>
                {u.displayName}
              </MenuItem>
            ))}
          </TextField>
        )}
        {error !== null && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {errorText(error, t, prefs.language)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button variant="contained" color="error" onClick={() => void run()} disabled={busy}>
          {to ? t('users.moveAndDisable') : t('users.disableConfirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
