import { MenuItem, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../shared/contract/schemas';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { FormDialog } from '../components/FormDialog';

const STAFF_NO = /^[A-Za-z0-9-]*$/;

/** An admin changes a user's display name, role and staff number (工号, announced by the call scripts). */
export function EditUserDialog({ user, onClose, onDone }: { user: UserRow | null; onClose(): void; onDone(user: UserRow): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [v, setV] = useState({ displayName: '', role: 'collector' as Role, staffNo: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (user) setV({ displayName: user.displayName, role: user.role, staffNo: user.staffNo ?? '' });
    setError(null);
  }, [user]);
  const badStaffNo = !STAFF_NO.test(v.staffNo.trim());
  const noName = v.displayName.trim() === '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!user || badStaffNo || noName) return;
    setBusy(true);
    try {
      onDone(await api.call('users.update', { userId: user.id, displayName: v.displayName.trim(), role: v.role, staffNo: v.staffNo.trim() }));
      onClose();
    } catch (err) {
      setError(errorText(err, t, prefs.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog open={user !== null} title={t('users.editTitle', { name: user?.name ?? '' })} submitLabel={t('users.save')} busy={busy} error={error} onClose={onClose} onSubmit={(e) => void submit(e)}>
      <TextField label={t('fields.displayName')} value={v.displayName} onChange={(e) => setV({ ...v, displayName: e.target.value })} error={noName} required autoFocus />
      <TextField select label={t('fields.role')} value={v.role} onChange={(e) => setV({ ...v, role: e.target.value as Role })}>
        {ROLES.map((r) => (
          <MenuItem key={r} value={r}>
            {t(`roles.${r}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label={t('users.staffNo')}
        value={v.staffNo}
        onChange={(e) => setV({ ...v, staffNo: e.target.value })}
        error={badStaffNo}
        helperText={badStaffNo ? t('users.staffNoInvalid') : t('users.staffNoHelp')}
        slotProps={{ htmlInput: { maxLength: 20, className: 'mono' } }}
      />
    </FormDialog>
  );
}
