import { Box, Paper, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/contract/schemas';
import { PageHeader } from '../components/PageHeader';
import { AuditPanel } from './AuditPanel';
import { BanksPanel } from './banks/BanksPanel';
import { DataPanel } from './DataPanel';
import { StationsPanel } from '../stations/StationsPanel';
import { UsersPanel } from './UsersPanel';

type AdminTab = 'users' | 'stations' | 'audit' | 'data' | 'banks';

/** Admin: users, the agency hub's stations, the audit log with its chain check, backups and purge (clients and rule packs come later). */
export function AdminScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<AdminTab>('users');
  return (
    <>
      <PageHeader title={t('nav.admin')} subtitle={t('admin.subtitle')} />
      <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
        <Tabs value={tab} onChange={(_e, v: AdminTab) => setTab(v)} sx={{ px: 1.5, minHeight: 40, borderBottom: 1, borderColor: 'divider', '& .MuiTab-root': { minHeight: 40 } }}>
          <Tab value="users" label={t('admin.tabs.users')} />
          <Tab value="stations" label={t('admin.tabs.stations')} />
          <Tab value="audit" label={t('admin.tabs.audit')} />
          <Tab value="data" label={t('admin.tabs.data')} />
          <Tab value="banks" label={t('admin.tabs.banks')} />
        </Tabs>
        <Box role="tabpanel">
          {tab === 'users' && <UsersPanel me={user} />}
          {tab === 'stations' && <StationsPanel />}
          {tab === 'audit' && <AuditPanel />}
          {tab === 'data' && <DataPanel />}
          {tab === 'banks' && <BanksPanel />}
        </Box>
      </Paper>
    </>
  );
}
