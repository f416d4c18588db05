import { ArrowBack, ArrowForward, FolderSharedOutlined, LockOutlined, Refresh } from '@mui/icons-material';
import { Alert, Box, Button, IconButton, LinearProgress, Paper, Stack, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { EmptyState } from '../../components/EmptyState';
import { useNotify } from '../../components/Notifier';
import { PageHeader } from '../../components/PageHeader';
import { EndCallDialog } from '../call/EndCallDialog';
import { ActiveCallBar, GateCard } from '../call/GateCard';
import { OutcomeForm } from '../call/OutcomeForm';
import { nextActionOutsideHours } from '../call/outcomeModel';
import { partyOf, type ScriptParty } from '../call/party';
import { ScriptPanel } from '../call/ScriptPanel';
import { useCall } from '../call/useCall';
import { useOutcome } from '../call/useOutcome';
import { caseToday } from '../dates';
import { LoadError } from '../LoadError';
import { CaseHeader } from './CaseHeader';
import { CaseTabs } from './CaseTabs';
import { useCaseDetail } from './useCaseDetail';

interface Props {
  caseId: string | null;
  onBack(): void;
  /** where “back” goes, e.g. 返回工作队列 or 返回审批 */
  backLabel?: string;
  /** opens the next case of the queue page this one was opened from (absent: it was the page's last) */
  onNext?: () => void;
  nextCaseNo?: string;
}

/** The case screen: left the debtor, the debt and the tabs; right the call script, the gate and the outcome form. */
export function CaseWorkbench({ caseId, onBack, backLabel, onNext, nextCaseNo }: Props) {
  const { t } = useTranslation();
  const state = useCaseDetail(caseId);
  const { detail } = state;
  let body;
  if (!caseId) body = <EmptyState icon={<FolderSharedOutlined />} title={t('case.noneOpen')} description={t('case.noneOpenBody')} />;
  else if (state.error !== null && !detail) body = <LoadError error={state.error} title={t('wb.loadError.case')} onRetry={state.reload} />;
  else if (detail)
    body = (
      <>
        {state.error !== null && <LoadError error={state.error} title={t('wb.loadError.caseStale')} onRetry={state.reload} sx={{ mb: 1 }} />}
        <CaseColumns key={detail.id} detail={detail} reload={state.reload} />
      </>
    );
  return (
    <Box sx={{ height: '100%', display: 'flex', flexDirection: 'column', minHeight: 560 }}>
      <PageHeader
        title={detail ? t('case.titleWith', { caseNo: detail.caseNo }) : t('nav.case')}
        subtitle={detail ? `${detail.client.name} · ${t(`wb.case.pack`, { pack: detail.client.rulePack })}` : undefined}
        actions={
          <>
            <Tooltip title={t('common.refresh')}>
              <span>
                <IconButton aria-label={t('common.refresh')} onClick={state.reload} disabled={!caseId}>
                  <Refresh fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
            <Button startIcon={<ArrowBack />} onClick={onBack}>
              {backLabel ?? t('case.backToQueue')}
            </Button>
            <Tooltip title={nextCaseNo ? t('case.nextCaseIs', { caseNo: nextCaseNo }) : t('case.noNextCase')}>
              <span>
                <Button variant="outlined" endIcon={<ArrowForward />} onClick={onNext} disabled={!onNext}>
                  {t('case.nextCase')}
                </Button>
              </span>
            </Tooltip>
          </>
        }
      />
      <Box sx={{ height: 2, mt: -1, mb: 1 }}>{state.loading && caseId && <LinearProgress sx={{ height: 2 }} />}</Box>
      {body}
    </Box>
  );
}

function CaseColumns({ detail, reload }: { detail: CaseDetail; reload(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [party, setParty] = useState<ScriptParty>('debtor');
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [scriptKey, setScriptKey] = useState(0);
  const [show, setShow] = useState<{ tab: 'timeline'; n: number } | null>(null);
  const [ending, setEnding] = useState(false);
  const call = useCall(detail.id);
  const today = caseToday(detail);
  const outcome = useOutcome(
    { caseId: detail.id, contactId: call.active?.id ?? null, party, confirmed, limits: { balanceFen: detail.balanceFen, today, dueBackAt: detail.batch.dueBackAt }, elapsedS: call.elapsedS },
    (verdicts, saved) => {
      const warned = verdicts.filter((v) => v.kind === 'warn').map((v) => v.rule);
      const outside = nextActionOutsideHours(saved.nextAction, detail.callingHours, detail.debtor.timezone);
      const text = warned.length ? t('wb.outcome.savedWithWarns', { rules: warned.join(', ') }) : t('wb.outcome.saved');
      notify(outside ? `${text} ${t('wb.outcome.nextActionOutside', { local: outside.localTime, end: outside.end, start: outside.start })}` : text);
      afterCall();
    },
  );
  function afterCall() {
    call.end();
    setEnding(false);
    setConfirmed(new Set());
    setParty('debtor');
    setScriptKey((k) => k + 1);
    setShow((s) => ({ tab: 'timeline', n: (s?.n ?? 0) + 1 }));
    reload();
  }
  const hideAmounts = party !== 'debtor';

  return (
    <Stack direction="row" spacing={2} sx={{ flex: 1, minHeight: 0 }}>
      <Stack spacing={1.5} sx={{ flex: 1, minWidth: 0, overflow: 'auto', pb: 1 }}>
        {detail.readOnly && (
          <Alert severity="warning" icon={<LockOutlined />} data-testid="read-only">
            {t(`wb.case.readOnly.${detail.status}`, { defaultValue: t('wb.case.readOnly.closed') })}
          </Alert>
        )}
        <CaseHeader detail={detail} hideAmounts={hideAmounts} onFlagged={reload} />
        <CaseTabs
          detail={detail}
          hideAmounts={hideAmounts}
          activeContactId={call.active?.id ?? call.gate?.contact.id ?? null}
          onCall={(c) => {
            // The party chosen before dialling drives the script (third-party mode before the call starts).
            const p = partyOf(c.relation);
            call.check(c, p);
            if (!call.active) setParty(p);
          }}
          onContactsChanged={reload}
          show={show}
        />
      </Stack>
      <Stack spacing={1.5} component="aside" aria-label={t('wb.case.callColumn')} sx={{ width: 470, flexShrink: 0, minHeight: 0, overflow: 'auto', pb: 1 }}>
        {call.gate && (
          <GateCard
            gate={call.gate}
            onStart={() => {
              if (call.gate) setParty(call.gate.party);
              setConfirmed(new Set());
              outcome.reset();
              call.start();
            }}
            onCancel={() => {
              if (!call.active) setParty('debtor');
              call.cancelGate();
            }}
            onRecheck={() => call.gate && call.check(call.gate.contact, call.gate.party)}
          />
        )}
        {call.active && !call.gate && <ActiveCallBar contact={call.active} onEnd={() => setEnding(true)} />}
        {call.active && (
          <EndCallDialog
            open={ending}
            caseId={detail.id}
            contactId={call.active.id}
            elapsedS={call.elapsedS}
            onBack={() => setEnding(false)}
            onRecorded={() => {
              notify(t('wb.outcome.saved'));
              outcome.reset();
              afterCall();
            }}
          />
        )}
        <ScriptPanel
          caseId={detail.id}
          party={party}
          onParty={setParty}
          confirmed={confirmed}
          onConfirm={(rule, on) =>
            setConfirmed((s) => {
              const next = new Set(s);
              if (on) next.add(rule);
              else next.delete(rule);
              return next;
            })
          }
          reloadKey={scriptKey}
          disabled={!call.active || detail.readOnly}
        />
        {detail.readOnly ? (
          <Paper variant="outlined" sx={{ p: 1.5, flexShrink: 0 }}>
            <Alert severity="info">{t('wb.case.readOnlyOutcome')}</Alert>
          </Paper>
        ) : (
          <OutcomeForm detail={detail} today={today} active={call.active} party={party} onParty={setParty} outcome={outcome} />
        )}
      </Stack>
    </Stack>
  );
}
