import { InsightsOutlined, Refresh } from '@mui/icons-material';
import { Alert, Box, IconButton, LinearProgress, Paper, Stack, Tab, Tabs, Tooltip, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/contract/schemas';
import { canSeeAllCases } from '../../../../shared/domain/roles';
import type { KpiGrouping } from '../../../../shared/kpi/kpi';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton } from '../ExportButton';
import { useLeadLists } from '../useLeadLists';
import { DashboardFilterBar } from './DashboardFilters';
import { DrillDialog } from './DrillDialog';
import type { DrillSpec } from './drillSheet';
import { GroupChart } from './GroupChart';
import { groupSheet, type Sort } from './groupSheet';
import { GroupTable } from './GroupTable';
import { KpiCards } from './KpiCards';
import { TrendChart } from './TrendChart';
import { useBatchOptions } from './useBatchOptions';
import { ALL_CLIENTS, toQuery, useDashboard, type DashboardFilters } from './useDashboard';

const DEFAULT_SORT: Sort = { key: 'label', dir: 'asc' };

/** Recovery dashboard: a lead sees the team, a collector their own figures; every number opens its cases. */
export function DashboardScreen({ user, onOpenCase }: { user: SessionUser; onOpenCase?(caseId: string): void }) {
  const { t, i18n } = useTranslation();
  const { prefs } = useApp();
  const team = canSeeAllCases(user.role);
  const lists = useLeadLists(user);
  const [filters, setFilters] = useState<DashboardFilters>({ clientCode: '', batchId: '', from: '', to: '' });
  const [by, setBy] = useState<KpiGrouping>('batch');
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [generation, setGeneration] = useState(0);
  const [drill, setDrill] = useState<DrillSpec | null>(null);
  const groupings: KpiGrouping[] = team ? ['batch', 'collector', 'stage'] : ['batch', 'stage'];

  const firstClient = lists.clients?.[0]?.code;
  useEffect(() => {
    if (firstClient && !filters.clientCode) setFilters((f) => ({ ...f, clientCode: firstClient }));
  }, [firstClient, filters.clientCode]);

  const batches = useBatchOptions(filters.clientCode, filters.batchId, lists.batches, team);
  const query = useMemo(() => toQuery(filters), [filters]);
  const dash = useDashboard(query, by, generation);
  const report = dash.report;
  const title = team ? t('nav.dashboard') : t('lead.dash.myTitle');
  const allClients = filters.clientCode === ALL_CLIENTS;
  const clientName = allClients ? t('lead.filter.allClients') : (lists.clients?.find((c) => c.code === filters.clientCode)?.name ?? filters.clientCode);

  if (lists.clients && lists.clients.length === 0) {
    return (
      <>
        <PageHeader title={title} />
        <Paper variant="outlined">
          <EmptyState icon={<InsightsOutlined />} title={t('lead.dash.noClientsTitle')} description={t('lead.dash.noClientsBody')} />
        </Paper>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={title}
        subtitle={team ? t('lead.dash.subtitle') : t('lead.dash.mySubtitle')}
        actions={
          <Tooltip title={t('common.refresh')}>
            <IconButton aria-label={t('common.refresh')} onClick={() => setGeneration((g) => g + 1)}>
              <Refresh fontSize="small" />
            </IconButton>
          </Tooltip>
        }
      />
      {lists.clients && (
        <DashboardFilterBar clients={lists.clients} batches={batches.options} term={batches.term} value={filters} onChange={setFilters} />
      )}
      {(dash.error ?? lists.error) !== null && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errorText(dash.error ?? lists.error, t, prefs.language)}
        </Alert>
      )}
      <Box sx={{ height: 2, mt: -1.25, mb: 1 }}>{dash.loading && <LinearProgress sx={{ height: 2 }} aria-label={t('common.loading')} />}</Box>
      <KpiCards total={report?.total ?? null} onDrill={allClients ? undefined : (metric, what) => setDrill({ metric, title: what })} />
      {allClients ? (
        <Paper variant="outlined" component="section" aria-label={t('lead.dash.by.client')} sx={{ overflow: 'hidden' }}>
          <Typography variant="body2" color="textSecondary" sx={{ px: 2, py: 1.25, borderBottom: 1, borderColor: 'divider' }}>
            {t('lead.dash.allClientsNote')}
          </Typography>
          {report && report.client === ALL_CLIENTS && (
            <GroupTable by="client" rows={report.rows} total={report.total} sort={sort} onSort={setSort} onDrill={(_m, _w, key) => key !== undefined && setFilters({ ...filters, clientCode: key, batchId: '' })} />
          )}
        </Paper>
      ) : (
        <>
      <Paper variant="outlined" component="section" aria-label={t('lead.dash.trendTitle')} sx={{ px: 2, pt: 1.5, pb: 1, mb: 2 }}>
        <Typography variant="subtitle2">{t('lead.dash.trendTitle')}</Typography>
        {dash.trend && dash.trend.length > 0 ? (
          <TrendChart points={dash.trend} />
        ) : (
          <Typography variant="body2" color="textSecondary" sx={{ py: 4, textAlign: 'center' }}>
            {dash.trend ? t('lead.dash.noTrend') : t('common.loading')}
          </Typography>
        )}
      </Paper>

      <Paper variant="outlined" component="section" aria-label={t('lead.dash.groupsLabel')} sx={{ overflow: 'hidden' }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', borderBottom: 1, borderColor: 'divider', pr: 1.5 }}>
          <Tabs
            value={by}
            onChange={(_e, v: KpiGrouping) => {
              setBy(v);
              setSort(DEFAULT_SORT);
            }}
            sx={{ px: 1.5, minHeight: 40, flex: 1, '& .MuiTab-root': { minHeight: 40 } }}
          >
            {groupings.map((g) => (
              <Tab key={g} value={g} label={t(`lead.dash.by.${g}`)} />
            ))}
          </Tabs>
          {report && report.by === by && (
            <ExportButton
              sheet={() => groupSheet(t, report, by, sort, i18n.language)}
              fileName={t('lead.dash.fileName', { client: clientName, group: t(`lead.dash.by.${by}`) })}
              disabled={report.rows.length === 0}
            />
          )}
        </Stack>
        {report && report.by === by && report.rows.length > 0 && (
          <>
            <Box sx={{ px: 2, pt: 1.5 }}>
              <Typography variant="subtitle2">{t(`lead.dash.chartBy.${by}`)}</Typography>
              <GroupChart by={by} rows={report.rows} onOpen={(row, what) => setDrill({ metric: 'recovered', title: what, by, key: row.key })} />
            </Box>
            <GroupTable by={by} rows={report.rows} total={report.total} sort={sort} onSort={setSort} onDrill={(metric, what, key) => setDrill({ metric, title: what, by: key === undefined ? undefined : by, key })} />
          </>
        )}
        {report && report.by === by && report.rows.length === 0 && (
          <Typography variant="body2" color="textSecondary" sx={{ py: 4, textAlign: 'center' }}>
            {t('lead.dash.noRows')}
          </Typography>
        )}
      </Paper>
        </>
      )}
      <DrillDialog spec={drill} query={query} onClose={() => setDrill(null)} onOpenCase={onOpenCase} />
    </>
  );
}
