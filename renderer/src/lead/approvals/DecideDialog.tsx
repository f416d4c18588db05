import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanQueueRow } from '../../../../shared/contract/leads';
import { formatFen } from '../../../../shared/domain/money';
import { api, isApiError } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { useScreenActive } from '../../shell/screenActive';
import { errorText } from '../../app/errorText';
import type { Language } from '../../i18n';
import { ABSENT } from '../figures';
import { PlanContext } from './PlanContext';
import { kindText, scheduleSummary } from './planText';

export interface Decision {
  plan: PlanQueueRow;
  approve: boolean;
}

const MIN_REASON = 2;

/** The core's refusals in a sentence a lead understands. */
function refusal(err: unknown, t: TFunction, language: Language): string {
  if (isApiError(err) && err.code === 'forbidden' && err.field === 'waiver') return t('lead.plans.needsAdminRefused');
  if (isApiError(err) && err.code === 'conflict') return t('lead.plans.alreadyDecided');
  return errorText(err, t, language);
}

interface Props {
  decision: Decision | null;
  onClose(): void;
  onDone(d: Decision): void;
  onOpenCase?(caseId: string): void;
}

/** Approve or reject a plan request: the case in brief and a required reason. */
export function DecideDialog({ decision, onClose, onDone, onOpenCase }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const active = useScreenActive();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setReason('');
    setTouched(false);
    setError(null);
  }, [decision]);
  const tooShort = reason.trim().length < MIN_REASON;
  const approve = decision?.approve ?? true;

  async function submit() {
    setTouched(true);
    if (!decision || tooShort) return;
    setBusy(true);
    setError(null);
    try {
      await api.call('plans.decide', { planId: decision.plan.id, approve: decision.approve, reason: reason.trim() });
      onDone(decision);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const p = decision?.plan;
  const line = (label: string, value: string) => (
    <>
      <Typography variant="body2" color="textSecondary">
        {label}
      </Typography>
      <Typography variant="body2">{value}</Typography>
    </>
  );
  return (
    <Dialog open={decision !== null && active} onClose={() => !busy && onClose()} maxWidth="sm" aria-labelledby="decide-title">
      <DialogTitle id="decide-title">{approve ? t('lead.plans.approveTitle') : t('lead.plans.rejectTitle')}</DialogTitle>
      <DialogContent>
        {p && (
          <Box sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, mb: 2 }}>
            {line(t('lead.plans.col.caseNo'), p.caseNo)}
            {line(t('lead.plans.col.debtor'), p.debtorName ?? ABSENT)}
            {line(t('lead.plans.col.balance'), formatFen(p.balanceFen))}
            {line(t('lead.plans.col.kind'), kindText(t, p.kind))}
            {line(t('lead.plans.col.schedule'), scheduleSummary(t, p.schedule, prefs.language))}
            {line(t('lead.plans.col.waiver'), p.waiverFen > 0 ? formatFen(p.waiverFen) : ABSENT)}
            {line(t('lead.plans.col.requestedBy'), p.requestedBy)}
          </Box>
        )}
        {p && <PlanContext plan={p} language={prefs.language} onOpenCase={onOpenCase} />}
        {p?.needsAdmin && approve && (
          <Alert severity="warning" role="note" sx={{ mb: 2 }}>
            {t('lead.plans.needsAdminNote')}
          </Alert>
        )}
        <TextField
          label={t('lead.plans.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onBlur={() => setTouched(true)}
          required
          multiline
          minRows={2}
          autoFocus
          error={touched && tooShort}
          helperText={touched && tooShort ? t('lead.plans.reasonRequired') : t('lead.plans.reasonHelp')}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
        {error !== null && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {refusal(error, t, prefs.language)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button variant="contained" color={approve ? 'success' : 'error'} onClick={() => void submit()} disabled={busy}>
          {approve ? t('lead.plans.confirmApprove') : t('lead.plans.confirmReject')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
