import { GppBadOutlined } from '@mui/icons-material';
import { Alert, Box, Checkbox, FormControlLabel, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useRef, type Ref } from 'react';
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
  /** the notes' live screening, held by the call panel (its action bar says when the notes stop the save) */
  onScreen(screen: NotesScreen): void;
  /** `.focus()` on it focuses the result code */
  resultRef?: Ref<HTMLInputElement>;
}

/** What happened on the call: result, party, promise, plan request, notes (screened live), next action → Save. */
export function OutcomeForm({ detail, today, active, party, onParty, outcome, onScreen, resultRef }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
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
  const callback = v.resultCode === 'CALLBACK';
  let nextActionHint: string | undefined;
  if (callback) nextActionHint = t('wb.outcome.callbackHint');
  else if (v.resultCode && v.nextAction && !v.nextActionTouched) nextActionHint = t('wb.outcome.nextActionProposed');
  else if (v.resultCode && !v.nextAction) nextActionHint = t('wb.outcome.nextActionNone');
  const outside = nextActionOutsideHours(v.nextAction, detail.callingHours, detail.debtor.timezone);
  const refusalRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome.refusal) refusalRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [outcome.refusal]);

  return (
    <Paper variant="outlined" component="section" aria-label={t('wb.outcome.title')} data-testid="outcome-form" sx={{ flexShrink: 0 }}>
      <Box sx={{ px: 1.5, py: 0.75, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="subtitle2">{t('wb.outcome.title')}</Typography>
        {!active && !detail.readOnly && (
          <Typography variant="caption" color="textSecondary">
            {t('wb.outcome.startFirst')}
          </Typography>
        )}
      </Box>
      <Stack spacing={1.5} sx={{ p: 1.5 }}>
        <Stack direction="row" spacing={1}>
          <ResultSelect value={v.resultCode} onChange={(c) => set({ resultCode: c })} debtorOnLine={party === 'debtor'} error={message('result')} disabled={off} inputRef={resultRef} />
          <TextField
            select
            label={t('wb.outcome.party')}
            value={reached}
            onChange={(e) => onParty(e.target.value as ScriptParty)}
            disabled={off || reached === 'none'}
            sx={{ width: 150, flexShrink: 0 }}
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
          required={callback}
          label={callback ? t('wb.outcome.callbackAt') : t('wb.outcome.nextAction')}
          value={v.nextAction}
          onChange={(nextAction) => set({ nextAction })}
          error={Boolean(message('nextAction'))}
          helperText={message('nextAction') ?? (outside ? t('wb.outcome.nextActionOutside', { local: outside.localTime, end: outside.end, start: outside.start }) : nextActionHint)}
          color={outside ? 'warning' : undefined}
          helperSx={outside && !message('nextAction') ? { color: 'warning.main' } : undefined}
          testId="next-action"
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
      </Stack>
      <ReasonDialog warns={outcome.warns} onCancel={outcome.cancelReason} onConfirm={(reason) => void outcome.save(reason)} />
    </Paper>
  );
}
