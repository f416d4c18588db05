import { PersonAddOutlined, Refresh } from '@mui/icons-material';
import { Alert, Box, Button, IconButton, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser, UserRow } from '../../../shared/contract/schemas';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { useNotify } from '../components/Notifier';
import { AddUserDialog } from './AddUserDialog';
import { DisableUserDialog } from './DisableUserDialog';
import { EditUserDialog } from './EditUserDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UsersTable } from './UsersTable';

/** Admin → Users: list, add, reset a password, disable or enable. Everything through the contract. */
export function UsersPanel({ me }: { me: SessionUser }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const [loadedAt, setLoadedAt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [disabling, setDisabling] = useState<UserRow | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers(await api.call('users.list', {}));
      setLoadedAt(Date.now());
      setError(null);
    } catch (err) {
      setError(errorText(err, t, prefs.language));
    }
  }, [t, prefs.language]);

  useEffect(() => {
    void load();
  }, [load]);

  async function toggle(user: UserRow) {
    // disabling asks first (and offers to hand the user's cases over); enabling is done at once
    if (!user.disabled) {
      setDisabling(user);
      return;
    }
    try {
      const updated = await api.call('users.setDisabled', { userId: user.id, disabled: !user.disabled });
      notify(t(updated.disabled ? 'users.disabledDone' : 'users.enabledDone', { name: updated.displayName }));
      await load();
    } catch (err) {
      notify(errorText(err, t, prefs.language), 'error');
    }
  }

  return (
    <>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 2, py: 1.25 }}>
        <Typography variant="body2" color="textSecondary" sx={{ flex: 1 }}>
          {users ? t('users.count', { count: users.length }) : ''}
        </Typography>
        <Tooltip title={t('common.refresh')}>
          <IconButton aria-label={t('common.refresh')} onClick={() => void load()}>
            <Refresh fontSize="small" />
          </IconButton>
        </Tooltip>
        <Button variant="contained" startIcon={<PersonAddOutlined />} onClick={() => setAdding(true)}>
          {t('users.addButton')}
        </Button>
      </Stack>
      <Box sx={{ height: 2 }}>{users === null && !error && <LinearProgress sx={{ height: 2 }} />}</Box>
      {error && <Alert severity="error" sx={{ m: 2 }}>{error}</Alert>}
      {users && (
        <UsersTable users={users} meId={me.id} language={prefs.language} now={loadedAt} onReset={setResetting} onEdit={setEditing} onToggleDisabled={(u) => void toggle(u)} />
      )}
      <AddUserDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(u) => {
          notify(t('users.added', { name: u.displayName }));
          void load();
        }}
      />
      <EditUserDialog
        user={editing}
        onClose={() => setEditing(null)}
        onDone={(u) => {
          notify(t('users.edited', { name: u.displayName }));
          void load();
        }}
      />
      <DisableUserDialog
        user={disabling}
        users={users ?? []}
        onClose={() => setDisabling(null)}
        onDone={(u, moved) => {
          notify(moved > 0 ? t('users.movedAndDisabled', { name: u.displayName, n: moved }) : t('users.disabledDone', { name: u.displayName }));
          void load();
        }}
      />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(u) => {
          notify(t('users.resetDone', { name: u.displayName }));
          void load();
        }}
      />
    </>
  );
}
