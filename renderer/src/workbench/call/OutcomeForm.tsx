import { GppBadOutlined, SaveOutlined } from '@mui/icons-material';
import { Alert, Box, Button, Checkbox, FormControlLabel, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { DateTimeField } from '../../components/DateTimeField';
import type { Contact } from '../case/ContactsTab';
import { canNegotiate, nextActionOutsideHours, reachedParty } from './outcomeModel';
import { NotesField, type NotesScreen } from './NotesField';
import type { ScriptParty } from './party';
import { PlanEditor } from './PlanEditor';
import { PromiseFields } from './PromiseFields';
import { ReasonDialog } from './ReasonDialog';
import { ResultSelect } from './ResultSelect';
import type { OutcomeState } from './useOutcome';
import { VerdictList } from './VerdictList';

interface Props {
  detail: CaseDetail;
  today: string;
  active: Contact | null;
  party: ScriptParty;
  onParty(party: ScriptParty): void;
  outcome: OutcomeState;
}

/** What happened on the call: result, party, promise, plan request, notes (screened live), next action → Save. */
export function OutcomeForm({ detail, today, active, party, onParty, outcome }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [screen, setScreen] = useState<NotesScreen>({ hits: [], pending: false });
  const onScreen = useCallback((s: NotesScreen) => setScreen(s), []);
  const { values: v, set, errors, serverErrors } = outcome;
  const off = !active || detail.readOnly || outcome.saving;
  const reached = reachedParty(v.resultCode, party);
  const negotiate = canNegotiate(v.resultCode, party);
  const message = (field: string): string | undefined => {
    const e = errors[field];
    if (e) return t(e.key, e.values);
    const s = serverErrors[field];
    return s === undefined ? undefined : t([`wb.outcome.errors.server.${field.replace(/\./g, '_')}`, 'wb.outcome.errors.server.other'], { message: s });
  };
  const blockedByNotes = screen.hits.length > 0;
  const outside = nextActionOutsideHours(v.nextAction, detail.callingHours, detail.debtor.timezone);
  const refusalRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome.refusal) refusalRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [outcome.refusal]);

  return (
    <Paper variant="outlined" component="section" aria-label={t('wb.outcome.title')} sx={{ flexShrink: 0 }}>
      <Box sx={{ px: 1.5, py: 1, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="subtitle2">{t('wb.outcome.title')}</Typography>
        {!active && !detail.readOnly && (
          <Typography variant="caption" color="textSecondary">
            {t('wb.outcome.startFirst')}
          </Typography>
        )}
      </Box>
      <Stack spacing={1.5} sx={{ p: 1.5 }}>
        <Stack direction="row" spacing={1}>
          <ResultSelect value={v.resultCode} onChange={(c) => set({ resultCode: c })} debtorOnLine={party === 'debtor'} error={message('result')} disabled={off} />
          <TextField
            select
            label={t('wb.outcome.party')}
            value={reached}
            onChange={(e) => onParty(e.target.value as ScriptParty)}
            disabled={off || reached === 'none'}
            sx={{ maxWidth: 160 }}
          >
            {(['debtor', 'related', 'third', 'none'] as const).map((p) => (
              <MenuItem key={p} value={p} disabled={p === 'none'}>
                {t(`wb.parties.${p}`)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        {v.resultCode === 'PTP' && negotiate && (
          <PromiseFields
            amount={v.promiseAmount}
            date={v.promiseDate}
            onChange={set}
            amountError={message('promise.amount') ?? message('promise')}
            dateError={message('promise.date')}
            balanceFen={detail.balanceFen}
            today={today}
            dueBackAt={detail.batch.dueBackAt}
            disabled={off}
          />
        )}
        {party !== 'debtor' && reached !== 'none' && (
          <Alert severity="info" sx={{ py: 0 }}>
            {t('wb.outcome.thirdPartyNoPromise')}
          </Alert>
        )}
        {negotiate && (
          <Box>
            <FormControlLabel control={<Checkbox size="small" checked={v.planOn} onChange={(e) => set({ planOn: e.target.checked })} disabled={off} />} label={t('wb.outcome.planRequest')} />
            {v.planOn && (
              <PlanEditor kind={v.planKind} schedule={v.schedule} waiver={v.waiver} onChange={set} errorText={message} today={today} dueBackAt={detail.batch.dueBackAt} disabled={off} />
            )}
          </Box>
        )}
        {v.resultCode === 'CALLBACK' && reached === 'debtor' && (
          <FormControlLabel
            control={<Checkbox size="small" checked={v.consentToCall} onChange={(e) => set({ consentToCall: e.target.checked })} disabled={off} />}
            label={t('wb.outcome.consentToCall')}
          />
        )}
        <NotesField caseId={detail.id} value={v.notes} onChange={(notes) => set({ notes })} onScreen={onScreen} disabled={off} />
        <DateTimeField
          label={t('wb.outcome.nextAction')}
          value={v.nextAction}
          onChange={(nextAction) => set({ nextAction })}
          error={Boolean(message('nextAction'))}
          helperText={message('nextAction') ?? (outside ? t('wb.outcome.nextActionOutside', { local: outside.localTime, end: outside.end, start: outside.start }) : undefined)}
          color={outside ? 'warning' : undefined}
          helperSx={outside && !message('nextAction') ? { color: 'warning.main' } : undefined}
          disabled={off}
        />
        {outcome.refusal && (
          <Box data-testid="refusal" role="alert" ref={refusalRef} sx={{ border: 1, borderColor: 'error.main', borderRadius: 1, p: 1.25 }}>
            <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', mb: 1, color: 'error.main' }}>
              <GppBadOutlined fontSize="small" />
              <Typography variant="subtitle2">{t('wb.outcome.refused')}</Typography>
            </Stack>
            <VerdictList verdicts={outcome.refusal} />
          </Box>
        )}
        {outcome.failure !== null && <Alert severity="error">{errorText(outcome.failure, t, prefs.language)}</Alert>}
        {/* Save stays in view at the foot of the call column, however far the script above it runs. */}
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', position: 'sticky', bottom: 0, zIndex: 1, bgcolor: 'background.paper', py: 1, my: -1 }}>
          <Typography variant="caption" color={blockedByNotes ? 'error' : 'textSecondary'} sx={{ flex: 1 }}>
            {blockedByNotes ? t('wb.outcome.rewriteNotes') : reached !== 'none' && v.resultCode ? t('wb.outcome.confirmHint') : ''}
          </Typography>
          <Button variant="contained" startIcon={<SaveOutlined />} disabled={off || !v.resultCode || blockedByNotes || screen.pending} onClick={() => void outcome.save()}>
            {outcome.saving ? t('wb.outcome.saving') : t('common.save')}
          </Button>
        </Stack>
      </Stack>
      <ReasonDialog warns={outcome.warns} onCancel={outcome.cancelReason} onConfirm={(reason) => void outcome.save(reason)} />
    </Paper>
  );
}
