import { Alert, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AssignMove } from '../../../../shared/contract/leads';
import { formatFen } from '../../../../shared/domain/money';
import { formatCount } from '../figures';

const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** Before an assignment takes cases from their collectors: how many are held, and who gives how many to whom. */
export function AssignMoves({ held, livePromises, moves }: { held: number; livePromises: number; moves: AssignMove[] }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, i18n.language);
  return (
    <Alert severity="warning" sx={{ mt: 1.5, '& .MuiAlert-message': { width: '100%' } }}>
      {t('lead.assign.heldWarning', { held: n(held), promises: n(livePromises) })}
      {moves.length > 0 && (
        <Table size="small" aria-label={t('lead.assign.movesLabel')} sx={{ mt: 1, '& td, & th': { px: 1, py: 0.5 } }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('lead.assign.moveFrom')}</TableCell>
              <TableCell>{t('lead.assign.moveTo')}</TableCell>
              <TableCell sx={NUM}>{t('lead.assign.col.cases')}</TableCell>
              <TableCell sx={NUM}>{t('lead.assign.col.amount')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {moves.map((m) => (
              <TableRow key={`${m.from}>${m.to}`}>
                <TableCell>{m.fromName ?? m.from}</TableCell>
                <TableCell>{m.toName}</TableCell>
                <TableCell sx={NUM}>{n(m.cases)}</TableCell>
                <TableCell sx={NUM}>{t('lead.yuan', { amount: formatFen(m.amountFen) })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Alert>
  );
}
