import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, Radio, RadioGroup } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOT_REACHED, type ResultCode } from '../../../../shared/compliance/types';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';

interface Props {
  open: boolean;
  caseId: string;
  contactId: string;
  /** seconds since the call began */
  elapsedS(): number | undefined;
  /** back to the call: someone answered, the outcome form records it */
  onBack(): void;
  /** the attempt was recorded */
  onRecorded(code: ResultCode): void;
}

/**
 * Ending a call records it: every dialled attempt is an activity and counts toward the day's limits (CN-F1, US-F).
 * Nobody reached is the default (未接通); a call someone answered goes back to the outcome form.
 */
export function EndCallDialog({ open, caseId, contactId, elapsedS, onBack, onRecorded }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [code, setCode] = useState<ResultCode>('NO_ANSWER');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const save = async () => {
    setSaving(true);
    setFailure(null);
    try {
      const durationS = elapsedS();
      await api.call('activity.record', { caseId, contactId, channel: 'call', party: 'none', resultCode: code, confirmations: [], ...(durationS === undefined ? {} : { durationS }) });
      setCode('NO_ANSWER');
      onRecorded(code);
    } catch (err) {
      setFailure(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open={open} onClose={onBack} maxWidth="xs" fullWidth aria-labelledby="end-call-title">
      <DialogTitle id="end-call-title">{t('wb.endCall.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>{t('wb.endCall.body')}</DialogContentText>
        <RadioGroup aria-label={t('wb.outcome.result')} value={code} onChange={(e) => setCode(e.target.value as ResultCode)}>
          {NOT_REACHED.map((c) => (
            <FormControlLabel key={c} value={c} control={<Radio size="small" />} label={t(`wb.results.${c}`)} />
          ))}
        </RadioGroup>
        {failure !== null && <Alert severity="error">{errorText(failure, t, prefs.language)}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onBack}>{t('wb.endCall.answered')}</Button>
        <Button variant="contained" disabled={saving} onClick={() => void save()}>
          {t('wb.endCall.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
