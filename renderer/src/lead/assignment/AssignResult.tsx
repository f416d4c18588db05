import { Alert, Paper, Stack, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { SheetData } from '../../export/xlsx';
import { ExportButton } from '../ExportButton';
import { amountCell, formatCount } from '../figures';
import type { AssignOutcome } from './AssignConfirmDialog';

const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

function resultSheet(t: TFunction, outcome: AssignOutcome, name: (id: string) => string): SheetData {
  return {
    sheetName: t('lead.assign.resultTitle'),
    headers: [t('lead.assign.col.collector'), t('lead.assign.col.cases'), t('lead.assign.col.amount')],
    rows: [
      ...outcome.perUser.map((u) => [name(u.userId), u.cases, amountCell(u.amountFen)]),
      [t('lead.dash.total'), outcome.assigned, amountCell(outcome.perUser.reduce((s, u) => s + u.amountFen, 0))],
    ],
  };
}

/** What the last “assign evenly” did: cases and amount per collector. */
export function AssignResult({ outcome, name }: { outcome: AssignOutcome; name(id: string): string }) {
  const { t, i18n } = useTranslation();
  const total = outcome.perUser.reduce((s, u) => s + u.amountFen, 0);
  return (
    <Paper variant="outlined" component="section" aria-label={t('lead.assign.resultTitle')} sx={{ mt: 2, overflow: 'hidden' }}>
      <Stack direction="row" sx={{ alignItems: 'center', px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          {t('lead.assign.resultTitle')}
        </Typography>
        <ExportButton sheet={() => resultSheet(t, outcome, name)} fileName={t('lead.assign.resultFile')} disabled={outcome.assigned === 0} />
      </Stack>
      {outcome.assigned === 0 ? (
        <Alert severity="info" sx={{ m: 2 }}>
          {t('lead.assign.nothing')}
        </Alert>
      ) : (
        <Table aria-label={t('lead.assign.resultTitle')} sx={{ maxWidth: 640 }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('lead.assign.col.collector')}</TableCell>
              <TableCell sx={NUM}>{t('lead.assign.col.cases')}</TableCell>
              <TableCell sx={NUM}>{t('lead.assign.col.amount')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {outcome.perUser.map((u) => (
              <TableRow key={u.userId}>
                <TableCell>{name(u.userId)}</TableCell>
                <TableCell sx={NUM}>{formatCount(u.cases, i18n.language)}</TableCell>
                <TableCell sx={NUM}>{formatFen(u.amountFen)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter sx={{ '& td': { fontWeight: 600, color: 'text.primary', fontSize: 13, borderBottom: 0 } }}>
            <TableRow>
              <TableCell>{t('lead.dash.total')}</TableCell>
              <TableCell sx={NUM}>{formatCount(outcome.assigned, i18n.language)}</TableCell>
              <TableCell sx={NUM}>{formatFen(total)}</TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      )}
    </Paper>
  );
}
