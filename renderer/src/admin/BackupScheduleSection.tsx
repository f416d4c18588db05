import { ScheduleOutlined } from '@mui/icons-material';
import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupScheduleState } from '../../../shared/contract/backups';
import { api, isApiError } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { useNotify } from '../components/Notifier';
import { formatDateTime } from '../format';

type Frequency = 'off' | 'daily' | 'weekly';
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
interface Draft {
  frequency: Frequency;
  weekday: number;
  time: string;
  folder: string;
  keep: string;
}

const draftOf = (s: BackupScheduleState): Draft => ({
  frequency: s.schedule?.frequency ?? 'off',
  weekday: s.schedule?.weekday ?? 1,
  time: s.schedule?.time ?? '21:30',
  folder: s.schedule?.folder ?? s.defaultFolder,
  keep: String(s.schedule?.keep ?? 7),
});

/** Admin → Data → Scheduled backups: how often, when (local time), where and how many; the last and the next. */
export function BackupScheduleSection() {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const [state, setState] = useState<BackupScheduleState | null>(null);
  const [d, setD] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [folderError, setFolderError] = useState(false);
  const [timeError, setTimeError] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const s = await api.call('backup.schedule', {});
      setState(s);
      setD(draftOf(s));
    } catch (err) {
      setError(errorText(err, t, prefs.language));
    }
  }, [t, prefs.language]);

  useEffect(() => {
    void load();
  }, [load]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!d) return;
    // 24-hour local time, typed: the same in both languages, whatever the browser's own time picker would show.
    const time = d.time.trim().replace('：', ':').replace(/^(\d):/, '0$1:');
    setTimeError(d.frequency !== 'off' && !TIME.test(time));
    if (d.frequency !== 'off' && !TIME.test(time)) return;
    setBusy(true);
    setError(null);
    setFolderError(false);
    try {
      const keep = Math.max(1, Math.min(365, Number.parseInt(d.keep, 10) || 1));
      const schedule = d.frequency === 'off' ? null : { frequency: d.frequency, weekday: d.frequency === 'weekly' ? d.weekday : null, time, folder: d.folder, keep };
      const s = await api.call('backup.setSchedule', { schedule });
      setState(s);
      setD(draftOf(s));
      notify(t('data.schedule.saved'));
    } catch (err) {
      if (isApiError(err) && err.field === 'folder') setFolderError(true);
      else setError(errorText(err, t, prefs.language));
    } finally {
      setBusy(false);
    }
  }

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => (prev ? { ...prev, [key]: value } : prev));
  const last = state?.last;
  const reason = (code: string) => t(`data.schedule.reason.${code}`, { defaultValue: t('data.schedule.reason.other') });
  return (
    <Box component="section" aria-label={t('data.schedule.title')} sx={{ p: 2, borderBottom: 1, borderColor: 'divider' }}>
      <Typography variant="subtitle2" component="h2">{t('data.schedule.title')}</Typography>
      <Typography variant="body2" color="textSecondary" sx={{ lineHeight: 1.6, mt: 0.5, maxWidth: 860 }}>{t('data.schedule.explain')}</Typography>
      {error && <Alert severity="error" sx={{ mt: 1.5 }}>{error}</Alert>}
      {d && (
        <Box component="form" noValidate onSubmit={(e) => void save(e)} sx={{ mt: 1.5 }}>
          <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1.5 }}>
            <TextField select label={t('data.schedule.frequency')} value={d.frequency} onChange={(e) => set('frequency', e.target.value as Frequency)} sx={{ width: 160 }}>
              <MenuItem value="off">{t('data.schedule.off')}</MenuItem>
              <MenuItem value="daily">{t('data.schedule.daily')}</MenuItem>
              <MenuItem value="weekly">{t('data.schedule.weekly')}</MenuItem>
            </TextField>
            {d.frequency === 'weekly' && (
              <TextField select label={t('data.schedule.weekday')} value={d.weekday} onChange={(e) => set('weekday', Number(e.target.value))} sx={{ width: 120 }}>
                {[1, 2, 3, 4, 5, 6, 7].map((w) => (
                  <MenuItem key={w} value={w}>{t(`data.schedule.weekdays.${w}`)}</MenuItem>
                ))}
              </TextField>
            )}
            {d.frequency !== 'off' && (
              <>
                <TextField
                  label={t('data.schedule.time')}
                  value={d.time}
                  onChange={(e) => set('time', e.target.value)}
                  error={timeError}
                  helperText={timeError ? t('data.schedule.timeInvalid') : t('data.schedule.timeHelp')}
                  placeholder="21:30"
                  sx={{ width: 130 }}
                  slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 5, className: 'mono' } }}
                />
                <TextField
                  label={t('data.schedule.folder')}
                  value={d.folder}
                  onChange={(e) => set('folder', e.target.value)}
                  error={folderError}
                  helperText={folderError ? t('data.schedule.folderMissing') : t('data.schedule.folderHelp')}
                  sx={{ flex: 1, minWidth: 320 }}
                  slotProps={{ htmlInput: { className: 'mono', spellCheck: false } }}
                />
                <TextField label={t('data.schedule.keep')} value={d.keep} onChange={(e) => set('keep', e.target.value)} sx={{ width: 100 }} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
              </>
            )}
            <Button type="submit" variant="outlined" startIcon={<ScheduleOutlined />} disabled={busy} sx={{ mt: 1 }}>
              {t('data.schedule.save')}
            </Button>
          </Stack>
        </Box>
      )}
      {state?.schedule && (
        <Box component="dl" data-testid="schedule-status" sx={{ m: 0, mt: 1.5, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, fontSize: 14, '& dt': { color: 'text.secondary' }, '& dd': { m: 0 } }}>
          <dt>{t('data.schedule.last')}</dt>
          <dd data-testid="schedule-last">
            {!last && t('data.schedule.none')}
            {last && !last.error && (
              <>
                {formatDateTime(last.at, prefs.language)}
                <Box component="span" className="mono" sx={{ ml: 1.5, color: 'text.secondary' }}>{last.file}</Box>
              </>
            )}
            {last?.error && (
              <Box component="span" sx={{ color: 'error.main' }}>
                {formatDateTime(last.at, prefs.language)} {t('data.schedule.failed', { reason: reason(last.error) })}
              </Box>
            )}
          </dd>
          <dt>{t('data.schedule.next')}</dt>
          <dd data-testid="schedule-next">{formatDateTime(state.next, prefs.language)}</dd>
        </Box>
      )}
    </Box>
  );
}
