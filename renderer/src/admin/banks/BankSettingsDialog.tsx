import { AddOutlined, DeleteOutlined } from '@mui/icons-material';
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, IconButton, Stack, Switch, TextField, Tooltip, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankRow } from '../../../../shared/contract/banks';
import type { ProfileIssue } from '../../../../shared/profile/schema';
import { api, isApiError } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { PasswordField } from '../../components/PasswordField';
import { ProfileProblems } from './ProfileProblems';
import { profileProblems } from './profileText';
import { draftOf, toUpdate, type FieldErrors, type SettingsDraft } from './settingsForm';

const SECTION_TITLE = { fontSize: 13, fontWeight: 600, color: 'text.secondary', mt: 0.5 } as const;

/** A bank's settings an admin changes without a new profile file: commission, waiver limit, retention, sync. */
export function BankSettingsDialog({ bank, onClose, onSaved }: { bank: BankRow; onClose(): void; onSaved(row: BankRow): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [d, setD] = useState<SettingsDraft>(() => draftOf(bank));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<ProfileIssue[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const setRule = (i: number, key: 'stage' | 'hand' | 'rate', value: string) => set('rules', d.rules.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const err = (key: string) => (errors[key] ? t(`banks.settings.${errors[key]}`) : undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { input, errors: found } = toUpdate(bank, d);
    setErrors(found);
    setProblems(null);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onSaved(await api.call('banks.update', input));
    } catch (caught) {
      const p = profileProblems(caught);
      if (p) setProblems(p);
      else if (isApiError(caught) && caught.field === 'syncSecret') setErrors({ secret: 'secretInvalid' });
      else setFailure(errorText(caught, t, prefs.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="bank-settings-title">
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle id="bank-settings-title">{t('banks.settings.title', { name: bank.name })}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 1.5 }}>
          <Typography component="h3" sx={SECTION_TITLE}>{t('banks.settings.commission')}</Typography>
          <TextField label={t('banks.settings.defaultRate')} value={d.defaultRate} onChange={(e) => set('defaultRate', e.target.value)} error={!!errors.defaultRate} helperText={err('defaultRate')} sx={{ width: 200 }} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
          <Typography variant="body2" color="textSecondary">{t('banks.settings.rules')}</Typography>
          {d.rules.length === 0 && <Typography variant="body2" color="textSecondary" sx={{ pl: 1 }}>{t('banks.settings.noRules')}</Typography>}
          {d.rules.map((r, i) => (
            <Stack key={i} direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }} data-testid="commission-rule">
              <TextField label={t('banks.settings.stage')} value={r.stage} onChange={(e) => setRule(i, 'stage', e.target.value)} sx={{ width: 120 }} />
              <TextField label={t('banks.settings.hand')} value={r.hand} onChange={(e) => setRule(i, 'hand', e.target.value)} error={!!errors[`rules.${i}.hand`]} helperText={err(`rules.${i}.hand`)} sx={{ width: 100 }} />
              <TextField label={t('banks.settings.rate')} value={r.rate} onChange={(e) => setRule(i, 'rate', e.target.value)} error={!!errors[`rules.${i}.rate`]} helperText={err(`rules.${i}.rate`)} sx={{ width: 140 }} />
              <Tooltip title={t('banks.settings.removeRule', { n: i + 1 })}>
                <IconButton aria-label={t('banks.settings.removeRule', { n: i + 1 })} onClick={() => set('rules', d.rules.filter((_r, j) => j !== i))} sx={{ mt: 0.5 }}>
                  <DeleteOutlined fontSize="small" />
                </IconButton>
              </Tooltip>
            </Stack>
          ))}
          <Box>
            <Button size="small" startIcon={<AddOutlined />} onClick={() => set('rules', [...d.rules, { stage: '', hand: '', rate: '' }])}>{t('banks.settings.addRule')}</Button>
          </Box>

          <Typography component="h3" sx={SECTION_TITLE}>{t('banks.settings.limits')}</Typography>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
            <TextField label={t('banks.settings.waiverLimit')} value={d.waiverLimit} onChange={(e) => set('waiverLimit', e.target.value)} error={!!errors.waiverLimit} helperText={err('waiverLimit') ?? t('banks.settings.waiverHelp')} sx={{ flex: 1 }} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
            <TextField label={t('banks.settings.retention')} value={d.retention} onChange={(e) => set('retention', e.target.value)} error={!!errors.retention} helperText={err('retention') ?? t('banks.settings.retentionHelp', { n: bank.retentionDefaultDays })} sx={{ flex: 1 }} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
          </Stack>

          <Typography component="h3" sx={SECTION_TITLE}>{t('banks.settings.sync')}</Typography>
          <FormControlLabel control={<Switch checked={d.syncEnabled} onChange={(e) => set('syncEnabled', e.target.checked)} />} label={t('banks.settings.syncEnabled')} />
          {d.syncEnabled && (
            <>
              <TextField label={t('banks.settings.url')} value={d.url} onChange={(e) => set('url', e.target.value)} error={!!errors.url} helperText={err('url')} placeholder="https://bank.example.com/collectdesk/v1" slotProps={{ htmlInput: { className: 'mono' } }} />
              <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
                <TextField label={t('banks.settings.keyId')} value={d.keyId} onChange={(e) => set('keyId', e.target.value)} error={!!errors.keyId} helperText={err('keyId')} sx={{ flex: 1 }} />
                <TextField label={t('banks.settings.interval')} value={d.interval} onChange={(e) => set('interval', e.target.value)} error={!!errors.interval} helperText={err('interval')} sx={{ width: 180 }} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
              </Stack>
            </>
          )}
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
            <PasswordField
              label={t('banks.settings.secret')}
              value={d.secret}
              onChange={(e) => set('secret', e.target.value)}
              autoComplete="new-password"
              error={!!errors.secret}
              helperText={err('secret') ?? (bank.secretSet ? t('banks.settings.secretSetHelp') : t('banks.settings.secretNewHelp'))}
              sx={{ flex: 1 }}
            />
            <Chip data-testid="secret-state" size="small" color={bank.secretSet ? 'success' : 'default'} variant="outlined" label={bank.secretSet ? t('banks.secretSet') : t('banks.secretNotSet')} sx={{ mt: 2 }} />
          </Stack>
          {problems && <ProfileProblems problems={problems} />}
          {failure && <Alert severity="error">{failure}</Alert>}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>{t('banks.settings.save')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
