import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerdictShape } from '../../../../shared/contract/workbench';
import { VerdictList } from './VerdictList';

/** A warn may be overridden with a reason (audited): the collector says why, then the outcome is sent with it. */
export function ReasonDialog({ warns, onCancel, onConfirm }: { warns: VerdictShape[] | null; onCancel(): void; onConfirm(reason: string): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const ok = reason.trim().length >= 2;
  const cancel = () => {
    setReason('');
    onCancel();
  };
  return (
    <Dialog open={warns !== null} onClose={cancel} maxWidth="sm" aria-labelledby="reason-title">
      <DialogTitle id="reason-title">{t('wb.reason.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1.5}>
          <DialogContentText>{t('wb.reason.body')}</DialogContentText>
          {warns && <VerdictList verdicts={warns} />}
          <TextField
            autoFocus
            label={t('wb.reason.label')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            multiline
            minRows={2}
            helperText={t('wb.reason.help')}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={cancel}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={!ok} onClick={() => {
            onConfirm(reason.trim());
            setReason('');
          }}>
          {t('wb.reason.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
