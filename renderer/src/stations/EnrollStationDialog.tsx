import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThisStation } from '../../../shared/contract/stations';
import type { MethodOutput } from '../../../shared/contract/methods';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { EnrollmentCodeView } from './EnrollmentCodeView';
import { hubErrorText } from './hubErrorText';

type User = MethodOutput<'users.list'>[number];
type Issued = MethodOutput<'station.enroll'> & { users: string };

const ROLE_ORDER = { collector: 0, lead: 1, admin: 2 } as const;

/**
 * Admin → Stations → Add a station: choose the users of the new computer and its replica (a collector's computer
 * holds only their cases; a lead's or admin's holds everything), then the one-time code, shown once.
 */
export function EnrollStationDialog({ open, self, onClose }: { open: boolean; self: ThisStation; onClose: (issued: boolean) => void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [users, setUsers] = useState<User[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [replica, setReplica] = useState<'partial' | 'full'>('partial');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);

  useEffect(() => {
    if (!open) return;
    setChosen([]);
    setReplica('partial');
    setTried(false);
    setError(null);
    setIssued(null);
    api
      .call('users.list', {})
      .then((list) => setUsers(list.filter((u) => !u.disabled).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.staffNo ?? '').localeCompare(b.staffNo ?? '') || a.displayName.localeCompare(b.displayName))))
      .catch((err: unknown) => setError(hubErrorText(err, t, prefs.language)));
  }, [open, t, prefs.language]);

  const picked = (users ?? []).filter((u) => chosen.includes(u.id));
  // a lead's or an admin's computer holds the whole agency: only a full replica will do
  const needsFull = picked.some((u) => u.role !== 'collector');
  const kind = needsFull ? 'full' : replica;
  const label = (u: User) => (u.staffNo ? `${u.displayName}（${u.staffNo}）` : u.displayName);

  function toggle(id: string) {
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setError(null);
    if (chosen.length === 0) return;
    setBusy(true);
    try {
      const r = await api.call('station.enroll', { userIds: chosen, replica: kind });
      setIssued({ ...r, users: t('stations.enroll.forUsers', { names: picked.map(label).join(prefs.language === 'zh-CN' ? '、' : ', ') }) });
    } catch (err) {
      setError(hubErrorText(err, t, prefs.language));
    } finally {
      setBusy(false);
    }
  }

  if (issued) {
    return (
      <Dialog open={open} maxWidth="md" onClose={() => onClose(true)} aria-labelledby="enroll-code-title">
        <DialogTitle id="enroll-code-title">{t('stations.enroll.codeTitle')}</DialogTitle>
        <DialogContent>
          <EnrollmentCodeView code={issued.code} expiresAt={issued.expiresAt} users={issued.users} hubUrl={self.hubUrl ?? ''} fingerprint={self.fingerprint ?? ''} />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button variant="contained" onClick={() => onClose(true)}>
            {t('stations.enroll.close')}
          </Button>
        </DialogActions>
      </Dialog>
    );
  }

  const missing = tried && chosen.length === 0;
  return (
    <Dialog open={open} maxWidth="sm" onClose={busy ? undefined : () => onClose(false)}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle>{t('stations.enroll.title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="textSecondary" sx={{ mb: 2 }}>
            {t('stations.enroll.intro')}
          </Typography>
          <Stack spacing={2}>
            <FormControl error={missing} component="fieldset">
              <FormLabel component="legend" sx={{ fontSize: 13, mb: 0.5 }}>
                {t('stations.enroll.users')}
              </FormLabel>
              <FormGroup sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 2, maxHeight: 240, overflowY: 'auto', px: 1, py: 0.5, border: 1, borderColor: 'divider', borderRadius: 1 }}>
                {(users ?? []).map((u) => (
                  <FormControlLabel
                    key={u.id}
                    control={<Checkbox size="small" checked={chosen.includes(u.id)} onChange={() => toggle(u.id)} />}
                    label={
                      <Box component="span">
                        {label(u)}
                        <Box component="span" sx={{ color: 'text.secondary', ml: 0.75, fontSize: 12 }}>
                          {t(`roles.${u.role}`)}
                        </Box>
                      </Box>
                    }
                  />
                ))}
              </FormGroup>
              {missing && <FormHelperText>{t('stations.enroll.usersRequired')}</FormHelperText>}
            </FormControl>
            <FormControl component="fieldset">
              <FormLabel component="legend" sx={{ fontSize: 13, mb: 0.5 }}>
                {t('stations.enroll.replica')}
              </FormLabel>
              <RadioGroup value={kind} onChange={(_e, v) => setReplica(v === 'full' ? 'full' : 'partial')}>
                <FormControlLabel value="partial" disabled={needsFull} control={<Radio size="small" />} label={<ReplicaLabel kind="partial" />} />
                <FormControlLabel value="full" control={<Radio size="small" />} label={<ReplicaLabel kind="full" />} />
              </RadioGroup>
            </FormControl>
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={() => onClose(false)} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy || users === null}>
            {busy ? t('stations.enroll.issuing') : t('stations.enroll.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function ReplicaLabel({ kind }: { kind: 'full' | 'partial' }) {
  const { t } = useTranslation();
  return (
    <Box component="span">
      {t(`stations.replica.${kind}`)}
      <Box component="span" sx={{ color: 'text.secondary', ml: 1, fontSize: 12 }}>
        {t(`stations.replica.${kind}Hint`)}
      </Box>
    </Box>
  );
}
