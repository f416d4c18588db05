import { Alert } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { PageHeader } from '../components/PageHeader';
import { HistoryPanel } from './HistoryPanel';
import { ReturnsPanel } from './ReturnsPanel';
import { SyncPanel } from './SyncPanel';
import { useReturnsLists } from './useReturnsLists';

/** Returns & sync (leads and admins): the returns file of a period for a bank; the bank sync below; past returns. */
export function ReturnsScreen() {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const lists = useReturnsLists();
  return (
    <>
      <PageHeader title={t('nav.returns')} subtitle={t('returns.subtitle')} />
      {lists.error !== null && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errorText(lists.error, t, prefs.language)}
        </Alert>
      )}
      {lists.data && <ReturnsPanel data={lists.data} onExported={lists.reloadHistory} />}
      <SyncPanel />
      <HistoryPanel rows={lists.history} />
    </>
  );
}
