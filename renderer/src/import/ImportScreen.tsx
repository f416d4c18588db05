import { Alert } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/contract/schemas';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { PageHeader } from '../components/PageHeader';
import { HistoryPanel } from './HistoryPanel';
import { ImportPanel } from './ImportPanel';
import { useIntakeLists } from './useIntakeLists';
import type { BatchToAssign } from '../lead/assignment/assignForm';

/** Import (leads and admins): a bank file in, through its client's profile; below, the batches and past imports. */
export function ImportScreen({ user, onAssign }: { user: SessionUser; onAssign(batch: BatchToAssign): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const lists = useIntakeLists();
  return (
    <>
      <PageHeader title={t('nav.import')} subtitle={t('intake.subtitle')} />
      {lists.error !== null && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errorText(lists.error, t, prefs.language)}
        </Alert>
      )}
      {lists.clients && <ImportPanel userId={user.id} clients={lists.clients} onFinished={lists.reload} onAssign={onAssign} />}
      <HistoryPanel lists={lists} />
    </>
  );
}
