import { Box, Paper, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { PaymentsTab } from './PaymentsTab';
import { PromisesTab } from './PromisesTab';
import { TimelineTab } from './TimelineTab';

type TabKey = 'timeline' | 'promises' | 'payments';

interface Props {
  detail: CaseDetail;
  hideAmounts: boolean;
  /** a tab to switch to from outside (e.g. the timeline after a save), with a counter so it re-applies */
  show: { tab: TabKey; n: number } | null;
}

/** The case's history under its contacts: timeline (first), promises & plans, payments; it fills the column's height. */
export function CaseTabs({ detail, hideAmounts, show }: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<TabKey>('timeline');
  const [applied, setApplied] = useState(0);
  if (show && show.n !== applied) {
    setApplied(show.n);
    setTab(show.tab);
  }
  const count = (n: number) =>
    n > 0 ? (
      <Box component="span" sx={{ ml: 0.75, px: 0.6, borderRadius: 8, bgcolor: 'action.selected', fontSize: 11, fontVariantNumeric: 'tabular-nums' }}>
        {n}
      </Box>
    ) : null;
  return (
    <Paper variant="outlined" sx={{ overflow: 'hidden', flex: 1, minHeight: 160, display: 'flex', flexDirection: 'column' }}>
      <Tabs value={tab} onChange={(_e, v: TabKey) => setTab(v)} sx={{ minHeight: 36, px: 1, borderBottom: 1, borderColor: 'divider', flexShrink: 0, '& .MuiTab-root': { minHeight: 36, py: 0 } }}>
        <Tab value="timeline" label={<span>{t('wb.tabs.timeline')}{count(detail.timeline.length)}</span>} />
        <Tab value="promises" label={<span>{t('wb.tabs.promises')}{count(detail.promises.length + detail.plans.length)}</span>} />
        <Tab value="payments" label={<span>{t('wb.tabs.payments')}{count(detail.payments.length)}</span>} />
      </Tabs>
      <Box role="tabpanel" aria-label={t(`wb.tabs.${tab}`)} sx={{ overflow: 'auto', flex: 1, minHeight: 0 }}>
        {tab === 'timeline' && <TimelineTab detail={detail} />}
        {tab === 'promises' && <PromisesTab detail={detail} hideAmounts={hideAmounts} />}
        {tab === 'payments' && <PaymentsTab detail={detail} hideAmounts={hideAmounts} />}
      </Box>
    </Paper>
  );
}
