import { Refresh, RuleOutlined } from '@mui/icons-material';
import { Alert, Box, IconButton, Paper, Stack, Tooltip, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewRow } from '../../../../shared/contract/review';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { EmptyState } from '../../components/EmptyState';
import { useNotify } from '../../components/Notifier';
import { CountedFilter } from '../../components/CountedFilter';
import { PageHeader } from '../../components/PageHeader';
import { ReviewDetail } from './ReviewDetail';
import { ReviewGrid } from './ReviewGrid';

const SHOWS = ['open', 'decided', 'violation', 'accepted', 'all'] as const;
type Show = (typeof SHOWS)[number];

function shows(r: ReviewRow, s: Show): boolean {
  return s === 'all' || r.status === s || (s === 'decided' && r.status !== 'open');
}

/** 质检 (leads, admins): notes flagged by screening, open first; accept, or mark as a violation with a comment. */
export function ReviewScreen({ onOpenCase }: { onOpenCase(caseId: string): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const [rows, setRows] = useState<ReviewRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const [show, setShow] = useState<Show>('open');
  const [selectedId, setSelectedId] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api
      .call('review.list', { status: 'all' })
      .then((list) => {
        if (!live) return;
        setRows(list);
        setError(null);
      })
      .catch((err: unknown) => live && setError(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [generation]);

  const shown = useMemo(() => (rows ?? []).filter((r) => shows(r, show)), [rows, show]);
  const selected = shown.find((r) => r.id === selectedId) ?? shown[0] ?? null;
  const count = (s: Show) => (rows ?? []).filter((r) => shows(r, s)).length;

  function decided(row: ReviewRow, decision: 'accept' | 'violation') {
    notify(t(decision === 'accept' ? 'lead.review.accepted' : 'lead.review.markedViolation', { caseNo: row.caseNo }));
    // The next open item is selected: the queue is worked top to bottom.
    const at = shown.findIndex((r) => r.id === row.id);
    setSelectedId(shown[at + 1]?.id ?? null);
    setGeneration((g) => g + 1);
  }

  return (
    <>
      <PageHeader title={t('nav.review')} subtitle={t('lead.review.subtitle')} />
      {error !== null && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errorText(error, t, prefs.language)}
        </Alert>
      )}
      <Paper variant="outlined" component="section" aria-label={t('lead.review.tableLabel')} sx={{ overflow: 'hidden' }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 1.5, py: 1, borderBottom: 1, borderColor: 'divider' }}>
          <CountedFilter value={show} options={SHOWS} label={(s) => t(`lead.review.filter.${s}`)} count={rows ? count : null} onChange={setShow} ariaLabel={t('lead.review.show')} />
          <Box sx={{ flex: 1 }} />
          <Tooltip title={t('common.refresh')}>
            <IconButton aria-label={t('common.refresh')} onClick={() => setGeneration((g) => g + 1)}>
              <Refresh fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
        {rows && rows.length === 0 ? (
          <EmptyState icon={<RuleOutlined />} title={t('lead.review.empty')} description={t('lead.review.emptyBody')} />
        ) : (
          <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1.45fr) minmax(300px, 1fr)', height: 'calc(100vh - 236px)', minHeight: 360 }}>
            <Box sx={{ minWidth: 0, borderRight: 1, borderColor: 'divider' }}>
              <ReviewGrid rows={shown} loading={loading} selectedId={selected?.id ?? null} onSelect={(r) => setSelectedId(r.id)} emptyText={t(show === 'open' ? 'lead.review.emptyOpen' : 'lead.review.emptyFilter')} showStatus={show !== 'open'} />
            </Box>
            <Box sx={{ minWidth: 0, overflow: 'auto' }}>
              {selected ? (
                <ReviewDetail row={selected} onOpenCase={onOpenCase} onDecided={decided} />
              ) : (
                <Typography variant="body2" color="textSecondary" sx={{ p: 2 }}>
                  {t('lead.review.pick')}
                </Typography>
              )}
            </Box>
          </Box>
        )}
      </Paper>
    </>
  );
}
