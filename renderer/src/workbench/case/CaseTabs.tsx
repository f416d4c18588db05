import { Box, Paper, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { ContactsTab, type Contact } from './ContactsTab';
import { PaymentsTab } from './PaymentsTab';
import { PromisesTab } from './PromisesTab';
import { TimelineTab } from './TimelineTab';

type TabKey = 'contacts' | 'timeline' | 'promises' | 'payments';

interface Props {
  detail: CaseDetail;
  hideAmounts: boolean;
  activeContactId: string | null;
  onCall(contact: Contact): void;
  onContactsChanged(): void;
  /** a tab to switch to from outside (e.g. the timeline after a save), with a counter so it re-applies */
  show: { tab: TabKey; n: number } | null;
}

/** Contacts, timeline, promises & plans, payments. */
export function CaseTabs({ detail, hideAmounts, activeContactId, onCall, onContactsChanged, show }: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<TabKey>('contacts');
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
    <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
      <Tabs value={tab} onChange={(_e, v: TabKey) => setTab(v)} sx={{ minHeight: 40, px: 1, borderBottom: 1, borderColor: 'divider', '& .MuiTab-root': { minHeight: 40, py: 0 } }}>
        <Tab value="contacts" label={<span>{t('wb.tabs.contacts')}{count(detail.contacts.length)}</span>} />
        <Tab value="timeline" label={<span>{t('wb.tabs.timeline')}{count(detail.timeline.length)}</span>} />
        <Tab value="promises" label={<span>{t('wb.tabs.promises')}{count(detail.promises.length + detail.plans.length)}</span>} />
        <Tab value="payments" label={<span>{t('wb.tabs.payments')}{count(detail.payments.length)}</span>} />
      </Tabs>
      <Box role="tabpanel" aria-label={t(`wb.tabs.${tab}`)} sx={{ overflowX: 'auto' }}>
        {tab === 'contacts' && <ContactsTab detail={detail} activeId={activeContactId} onCall={onCall} onChanged={onContactsChanged} />}
        {tab === 'timeline' && <TimelineTab detail={detail} />}
        {tab === 'promises' && <PromisesTab detail={detail} hideAmounts={hideAmounts} />}
        {tab === 'payments' && <PaymentsTab detail={detail} hideAmounts={hideAmounts} />}
      </Box>
    </Paper>
  );
}
