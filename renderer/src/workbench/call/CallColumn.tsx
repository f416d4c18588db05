import { HistoryOutlined, PhoneOutlined } from '@mui/icons-material';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { CallActions } from './CallActions';
import { EndCallDialog } from './EndCallDialog';
import { ActiveCallBar, GateCard } from './GateCard';
import { OutcomeForm } from './OutcomeForm';
import { reachedParty } from './outcomeModel';
import { PhaseSteps } from './PhaseSteps';
import { RESULT_KEYS } from './ResultSelect';
import { ScriptPanel } from './ScriptPanel';
import type { CallSession } from './useCallSession';
import { WrapUp } from './WrapUp';

interface Props {
  detail: CaseDetail;
  session: CallSession;
  /** the case number of the queue's next case (null: none follows) */
  nextCaseNo: string | null;
  onNext?: () => void;
}

/**
 * The call panel: its phases on top, one scrolling body (the gate, the script with its confirmations, the outcome,
 * the wrap-up) and, at its foot and never over a field, Save and Save-and-next.
 */
export function CallColumn({ detail, session, nextCaseNo, onNext }: Props) {
  const { t } = useTranslation();
  const { call, phase, outcome } = session;
  // The script folds away once a result is chosen and its confirmations are ticked (the outcome needs the room), or
  // when nobody was reached; the collector's own fold or unfold holds until the phase changes.
  const [scriptOpen, setScriptOpen] = useState<boolean | null>(null);
  const [foldPhase, setFoldPhase] = useState(phase);
  if (foldPhase !== phase) {
    setFoldPhase(phase);
    setScriptOpen(null);
  }
  const reached = reachedParty(outcome.values.resultCode, session.party) !== 'none';
  let fold: 'open' | 'closed' | 'whenConfirmed' = 'closed';
  if (scriptOpen !== null) fold = scriptOpen ? 'open' : 'closed';
  else if (phase === 'script' || (phase === 'gate' && !call.gate)) fold = 'open';
  else if (phase === 'outcome' && reached) fold = 'whenConfirmed';
  // A number key anywhere in the panel but a text field (a script checkbox, a button) chooses the result too.
  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (!call.active || detail.readOnly || e.ctrlKey || e.metaKey || e.altKey || !/^[0-9]$/.test(e.key)) return;
    if (target.closest('[role="dialog"]') || target.isContentEditable || target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && !['checkbox', 'radio'].includes((target as HTMLInputElement).type))) return;
    const code = RESULT_KEYS[(Number(e.key) + 9) % 10];
    if (!code || (session.party !== 'debtor' && (code === 'PTP' || code === 'HARDSHIP'))) return;
    e.preventDefault();
    outcome.set({ resultCode: code });
  };
  let note: { text: string; error?: boolean } | null = null;
  if (detail.readOnly) note = { text: t('wb.case.readOnlyOutcome') };
  else if (session.notes.hits.length > 0) note = { text: t('wb.outcome.rewriteNotes'), error: true };
  else if (!call.active) note = { text: phase === 'wrapup' ? t('wb.actions.savedNote') : t('wb.actions.callFirst') };
  else if (!outcome.values.resultCode) note = { text: t('wb.actions.chooseResult') };

  return (
    <Paper variant="outlined" component="aside" aria-label={t('wb.case.callColumn')} onKeyDown={onKeyDown} sx={{ width: 'clamp(468px, 32%, 600px)', flexShrink: 0, display: 'flex', flexDirection: 'column', minHeight: 0, overflow: 'hidden' }}>
      <PhaseSteps phase={phase} />
      <Stack spacing={1.25} data-testid="call-body" sx={{ flex: 1, minHeight: 0, overflow: 'auto', p: 1.25, bgcolor: 'action.hover' }}>
        {session.restored && (
          <Alert severity="info" icon={<HistoryOutlined />} data-testid="draft-restored" onClose={session.dismissRestored} sx={{ flexShrink: 0, py: 0 }}>
            {t('wb.draft.restored')}
          </Alert>
        )}
        {session.wrap && <WrapUp done={session.wrap} nextActionAt={detail.nextActionAt} nextCaseNo={nextCaseNo} onNext={onNext} onAnother={session.clearWrap} />}
        {call.gate && (
          <GateCard
            gate={call.gate}
            onStart={session.startCall}
            onCancel={session.cancelGate}
            onRecheck={() => call.gate && call.check(call.gate.contact, call.gate.party)}
          />
        )}
        {!call.gate && !call.active && !session.wrap && !detail.readOnly && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 1.5, py: 1.25, border: 1, borderStyle: 'dashed', borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper', flexShrink: 0 }}>
            <PhoneOutlined fontSize="small" color="primary" />
            <Typography variant="body2" color="textSecondary">
              {t('wb.actions.howToStart')}
            </Typography>
          </Stack>
        )}
        {call.active && !call.gate && <ActiveCallBar contact={call.active} onEnd={() => session.setEnding(true)} />}
        {call.active && (
          <EndCallDialog
            open={session.ending}
            caseId={detail.id}
            contactId={call.active.id}
            elapsedS={call.elapsedS}
            onBack={() => session.setEnding(false)}
            onRecorded={session.attemptRecorded}
          />
        )}
        <ScriptPanel
          caseId={detail.id}
          party={session.party}
          onParty={session.setParty}
          confirmed={session.confirmed}
          onConfirm={session.confirm}
          reloadKey={session.scriptKey}
          disabled={!call.active || detail.readOnly}
          fold={fold}
          onToggle={setScriptOpen}
        />
        {call.active && !detail.readOnly && (
          <OutcomeForm
            detail={detail}
            today={session.today}
            active={call.active}
            party={session.party}
            onParty={session.setParty}
            outcome={outcome}
            onScreen={session.setNotes}
            resultRef={session.resultRef}
          />
        )}
        {!call.active && session.wrap && (
          <Box sx={{ flexShrink: 0 }}>
            <Button size="small" onClick={session.clearWrap}>
              {t('wb.wrapUp.dismiss')}
            </Button>
          </Box>
        )}
      </Stack>
      <CallActions
        canSave={session.canSave}
        saving={outcome.saving}
        nextCaseNo={nextCaseNo}
        note={note}
        onSave={() => session.save(false)}
        onSaveNext={() => session.save(true)}
      />
    </Paper>
  );
}
