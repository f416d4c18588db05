import { RuleOutlined } from '@mui/icons-material';
import { Button, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ImportRow } from '../../../shared/contract/intake';
import { formatDateTime } from '../format';
import type { Language } from '../i18n';

const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const COUNTS = ['rows', 'accepted', 'inserted', 'updated', 'unchanged', 'rejected'] as const;

interface Props {
  imports: ImportRow[];
  clientNames: Map<string, string>;
  language: Language;
  onRejects(row: ImportRow): void;
}

/** Recent imports of every kind, newest first, with a way to the rejected rows of each. */
export function ImportsTable({ imports, clientNames, language, onRejects }: Props) {
  const { t } = useTranslation();
  return (
    <TableContainer sx={{ maxHeight: 420 }}>
      <Table stickyHeader aria-label={t('intake.history.tableLabel')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('intake.history.importedAt')}</TableCell>
            <TableCell>{t('intake.client')}</TableCell>
            <TableCell>{t('intake.kind')}</TableCell>
            <TableCell>{t('intake.batches.file')}</TableCell>
            <TableCell>{t('intake.history.importedBy')}</TableCell>
            {COUNTS.map((c) => (
              <TableCell key={c} sx={NUM}>
                {t(`intake.summary.${c}`)}
              </TableCell>
            ))}
            <TableCell align="right" />
          </TableRow>
        </TableHead>
        <TableBody>
          {imports.map((i) => (
            <TableRow key={i.id} hover>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(i.importedAt, language)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{clientNames.get(i.clientCode) ?? i.clientCode}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`intake.kinds.${i.kind}`)}</TableCell>
              <TableCell sx={{ maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={i.fileName}>
                {i.fileName}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{i.importedBy}</TableCell>
              {COUNTS.map((c) => (
                <TableCell key={c} sx={{ ...NUM, ...(c === 'rejected' && i.rejected > 0 ? { color: 'error.main', fontWeight: 600 } : {}) }}>
                  {i[c].toLocaleString(language)}
                </TableCell>
              ))}
              <TableCell align="right" sx={{ py: 0, whiteSpace: 'nowrap' }}>
                {i.rejected > 0 && (
                  <Button size="small" startIcon={<RuleOutlined />} onClick={() => onRejects(i)} aria-label={t('intake.history.viewRejectsOf', { file: i.fileName })}>
                    {t('intake.history.viewRejects')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
