import { ArrowBack, FolderSharedOutlined } from '@mui/icons-material';
import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseListRow } from '../../../shared/contract/schemas';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { formatFen } from '../format';
import { CaseStatusChip } from './caseStatus';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Box sx={{ minWidth: 120 }}>
      <Typography variant="caption" color="textSecondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontWeight: 500, fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Typography>
    </Box>
  );
}

/** The case screen. Until it is built, it shows the facts the work queue already has, and says what comes. */
export function CaseScreen({ selected, onBack }: { selected: CaseListRow | null; onBack(): void }) {
  const { t } = useTranslation();
  const absent = t('common.absent');
  return (
    <>
      <PageHeader
        title={selected ? t('case.titleWith', { caseNo: selected.caseNo }) : t('nav.case')}
        subtitle={t('screens.case.subtitle')}
        actions={
          <Button startIcon={<ArrowBack />} onClick={onBack}>
            {t('case.backToQueue')}
          </Button>
        }
      />
      {selected && (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
          <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <Fact label={t('queue.columns.caseNo')} value={selected.caseNo} />
            <Fact label={t('queue.columns.client')} value={selected.clientCode} />
            <Fact label={t('queue.columns.debtor')} value={selected.debtorName ?? absent} />
            <Fact label={t('queue.columns.balance')} value={formatFen(selected.balanceFen)} />
            <Fact label={t('queue.columns.overdueDays')} value={selected.overdueDays === null ? absent : String(selected.overdueDays)} />
            <Fact label={t('queue.columns.stage')} value={selected.stage ?? absent} />
            <CaseStatusChip status={selected.status} />
          </Stack>
        </Paper>
      )}
      <Paper variant="outlined">
        <EmptyState
          icon={<FolderSharedOutlined />}
          title={selected ? t('case.detailsComing') : t('case.noneOpen')}
          description={selected ? t('screens.case.body') : t('case.noneOpenBody')}
        />
      </Paper>
    </>
  );
}
