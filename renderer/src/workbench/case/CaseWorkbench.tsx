import { ArrowBack, ArrowForward, FolderSharedOutlined, LockOutlined, Refresh } from '@mui/icons-material';
import { Alert, Box, Button, IconButton, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { CallColumn } from '../call/CallColumn';
import { partyOf } from '../call/party';
import { useCallSession } from '../call/useCallSession';
import { LoadError } from '../LoadError';
import { CaseHeader } from './CaseHeader';
import { CaseTabs } from './CaseTabs';
import { ContactsTab } from './ContactsTab';
import { useCaseDetail } from './useCaseDetail';
import { useCaseKeys } from './useCaseKeys';

interface Props {
  caseId: string | null;
  onBack(): void;
  /** where “back” goes, e.g. 返回工作队列 or 返回审批 */
  backLabel?: string;
  /** opens the next case of the queue this one was opened from, as the collector last saw it (absent: none follows) */
  onNext?: () => void;
  nextCaseNo?: string;
}

/**
 * The case screen, one screen at 1366×768 with nothing scrolling inside something else: left the debtor and the
 * debt, the contacts and, under them, the timeline; right the call panel (gate → script → outcome → wrap-up) with
 * Save and Save-and-next always in view at its foot.
 */
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
        <CaseColumns key={detail.id} detail={detail} reload={state.reload} onNext={onNext} nextCaseNo={nextCaseNo ?? null} />
      </>
    );
  return (
    <Box sx={{ height: '100%', display: 'flex', flexDirection: 'column', minHeight: 520 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5, minWidth: 0 }}>
        <Box sx={{ flex: 1, minWidth: 0, display: 'flex', alignItems: 'baseline', gap: 1.5 }}>
          <Typography variant="h6" component="h1" noWrap sx={{ flexShrink: 0 }}>
            {detail ? t('case.titleWith', { caseNo: detail.caseNo }) : t('nav.case')}
          </Typography>
          {detail && (
            <Typography variant="body2" color="textSecondary" noWrap sx={{ minWidth: 0 }}>
              {detail.client.name} · {t('wb.case.pack', { pack: detail.client.rulePack })}
            </Typography>
          )}
        </Box>
        <Tooltip title={t('common.refresh')}>
          <span>
            <IconButton aria-label={t('common.refresh')} onClick={state.reload} disabled={!caseId}>
              <Refresh fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        <Button startIcon={<ArrowBack />} onClick={onBack} sx={{ whiteSpace: 'nowrap' }}>
          {backLabel ?? t('case.backToQueue')}
        </Button>
        <Tooltip title={nextCaseNo ? `${t('case.nextCaseIs', { caseNo: nextCaseNo })} · Alt+N` : t('case.noNextCase')}>
          <span>
            <Button variant="outlined" endIcon={<ArrowForward />} onClick={onNext} disabled={!onNext} aria-keyshortcuts="Alt+N" sx={{ whiteSpace: 'nowrap' }}>
              {t('case.nextCase')}
            </Button>
          </span>
        </Tooltip>
      </Stack>
      <Box sx={{ height: 2, mb: 0.75 }}>{state.loading && caseId && <LinearProgress sx={{ height: 2 }} />}</Box>
      {body}
    </Box>
  );
}

function CaseColumns({ detail, reload, onNext, nextCaseNo }: { detail: CaseDetail; reload(): void; onNext?: () => void; nextCaseNo: string | null }) {
  const { t } = useTranslation();
  const { status } = useApp();
  const [show, setShow] = useState<{ tab: 'timeline'; n: number } | null>(null);
  const session = useCallSession(detail, status.user?.id ?? '', {
    onSaved: (next) => {
      setShow((s) => ({ tab: 'timeline', n: (s?.n ?? 0) + 1 }));
      reload();
      if (next && onNext) onNext();
    },
  });
  const { call, party, setParty } = session;
  useCaseKeys({
    save: () => session.save(false),
    saveNext: () => onNext && session.save(true),
    next: () => onNext?.(),
  });
  const hideAmounts = party !== 'debtor';

  return (
    <Stack direction="row" spacing={1.5} sx={{ flex: 1, minHeight: 0 }}>
      <Stack spacing={1} sx={{ flex: 1, minWidth: 0, minHeight: 0 }}>
        {detail.readOnly && (
          <Alert severity="warning" icon={<LockOutlined />} data-testid="read-only" sx={{ py: 0 }}>
            {t(`wb.case.readOnly.${detail.status}`, { defaultValue: t('wb.case.readOnly.closed') })}
          </Alert>
        )}
        <CaseHeader detail={detail} hideAmounts={hideAmounts} onFlagged={reload} />
        <ContactsTab
          detail={detail}
          activeId={call.active?.id ?? call.gate?.contact.id ?? null}
          focusCall={!session.restored}
          onCall={(c) => {
            // The party chosen before dialling drives the script (third-party mode before the call starts).
            const p = partyOf(c.relation);
            session.openGate(c, p);
            if (!call.active) setParty(p);
          }}
          onChanged={reload}
        />
        <CaseTabs detail={detail} hideAmounts={hideAmounts} show={show} />
      </Stack>
      <CallColumn detail={detail} session={session} nextCaseNo={onNext ? nextCaseNo : null} onNext={onNext} />
    </Stack>
  );
}
