import { FactCheckOutlined, Refresh } from '@mui/icons-material';
import { Alert, Box, IconButton, LinearProgress, Paper, Stack, Tooltip } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanQueueRow } from '../../../../shared/contract/leads';
import type { SessionUser } from '../../../../shared/contract/schemas';
import { canSeeAllCases } from '../../../../shared/domain/roles';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { EmptyState } from '../../components/EmptyState';
import { useNotify } from '../../components/Notifier';
import { CountedFilter } from '../../components/CountedFilter';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton } from '../ExportButton';
import { DecideDialog, type Decision } from './DecideDialog';
import { plansSheet, statusText, type PlanStatus } from './planText';
import { PlansTable } from './PlansTable';

const SHOWS = ['requested', 'approved', 'rejected', 'all'] as const satisfies readonly ('all' | PlanStatus)[];
type Show = (typeof SHOWS)[number];

/** Approvals (leads, admins): plan requests with their case, requested first; approve or reject with a reason. */
export function ApprovalsScreen({ user, onOpenCase }: { user: SessionUser; onOpenCase?(caseId: string): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const [rows, setRows] = useState<PlanQueueRow[] | null>(null);
  const [clients, setClients] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const [show, setShow] = useState<Show>('requested');
  const [decision, setDecision] = useState<Decision | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    Promise.all([api.call('plans.queue', {}), api.call('clients.list', {})])
      .then(([plans, list]) => {
        if (!live) return;
        setRows(plans);
        setClients(new Map(list.map((c) => [c.code, c.name])));
        setError(null);
      })
      .catch((err: unknown) => live && setError(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [generation]);

  const shown = useMemo(() => (rows ?? []).filter((r) => show === 'all' || r.status === show), [rows, show]);
  const count = (s: Show) => (rows ?? []).filter((r) => s === 'all' || r.status === s).length;
  const clientName = (code: string) => clients.get(code) ?? code;

  function decided(d: Decision) {
    setDecision(null);
    setGeneration((g) => g + 1);
    notify(t(d.approve ? 'lead.plans.approved' : 'lead.plans.rejected', { caseNo: d.plan.caseNo }));
  }

  return (
    <>
      <PageHeader title={t('nav.approvals')} subtitle={t('lead.plans.subtitle')} />
      {error !== null && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errorText(error, t, prefs.language)}
        </Alert>
      )}
      <Paper variant="outlined" component="section" aria-label={t('lead.plans.tableLabel')} sx={{ overflow: 'hidden' }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 1.5, py: 1, borderBottom: 1, borderColor: 'divider' }}>
          <CountedFilter value={show} options={SHOWS} label={(s) => (s === 'all' ? t('lead.plans.all') : statusText(t, s))} count={rows ? count : null} onChange={setShow} ariaLabel={t('lead.plans.show')} />
          <Box sx={{ flex: 1 }} />
          <ExportButton sheet={() => plansSheet(t, shown, clientName, prefs.language)} fileName={t('lead.plans.fileName', { what: show === 'all' ? t('lead.plans.all') : statusText(t, show) })} disabled={shown.length === 0} />
          <Tooltip title={t('common.refresh')}>
            <IconButton aria-label={t('common.refresh')} onClick={() => setGeneration((g) => g + 1)}>
              <Refresh fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
        <Box sx={{ height: 2 }}>{loading && <LinearProgress sx={{ height: 2 }} />}</Box>
        {rows && shown.length === 0 ? (
          <EmptyState icon={<FactCheckOutlined />} title={t(show === 'requested' ? 'lead.plans.emptyRequested' : 'lead.plans.empty')} description={t('lead.plans.emptyBody')} />
        ) : (
          <PlansTable rows={shown} clientName={clientName} language={prefs.language} canDecide={canSeeAllCases(user.role)} onDecide={(plan, approve) => setDecision({ plan, approve })} onOpenCase={onOpenCase} />
        )}
      </Paper>
      <DecideDialog decision={decision} onClose={() => setDecision(null)} onDone={decided} onOpenCase={onOpenCase} />
    </>
  );
}
