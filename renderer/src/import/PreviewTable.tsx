import { ErrorOutlineOutlined } from '@mui/icons-material';
import { Box, Chip, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/contract/intake';
import { useApp } from '../app/AppContext';
import { formatDay } from '../workbench/dates';
import { fieldLabel, reasonText, showsMessage } from './intakeText';

/** Fields shown right-aligned with tabular digits. */
const NUMERIC = new Set(['placedAmount', 'balance', 'principal', 'interest', 'fees', 'overdueDays', 'amount', 'lastPaymentAmount', 'hand']);
const MONO = new Set(['caseNo', 'idNumber', 'mobile', 'txnRef']);
/** Calendar dates, shown as everywhere else in the app (2026/11/01, 01 Nov 2026). */
const DAYS = new Set(['placedAt', 'dueBackAt', 'lastPaymentAt', 'paidAt', 'recalledAt']);
/** Fields filled without a column of their own: contacts from several columns (or one cell), balance from the placed amount. */
const DERIVED = new Set(['contacts', 'balance']);

interface Column {
  field: string;
  header: string | null;
}

/** The fields a lead checks first, in this order, before the others (addresses, account, amounts' parts, remarks). */
const FIRST = ['caseNo', 'debtorName', 'placedAmount', 'balance', 'overdueDays', 'stage', 'idNumber', 'mobile', 'contacts', 'placedAt', 'dueBackAt', 'batchNo', 'hand',
  'paidAt', 'amount', 'txnRef', 'txnType', 'reverses', 'recalledAt', 'reason'];
const rank = (field: string): number => {
  const i = FIRST.indexOf(field);
  return i < 0 ? FIRST.length : i;
};

/**
 * The fields to show: those the file has a column for or the preview gave a value for, the main ones first, then the
 * others in the profile's order; a field neither in the file nor in any row is left out (shown absent, never invented).
 */
export function previewColumns(preview: ImportPreview): Column[] {
  const headers = new Map(preview.columns.map((c) => [c.field, c.header]));
  const valued = new Set(preview.rows.flatMap((r) => Object.entries(r.values).filter(([, v]) => v !== null).map(([k]) => k)));
  const mapped = new Set(preview.rows.flatMap((r) => Object.keys(r.values)));
  const ordered = ['caseNo', ...preview.columns.map((c) => c.field).filter((f) => f !== 'caseNo' && mapped.has(f)), ...[...mapped].filter((f) => f !== 'caseNo' && !headers.has(f))];
  return ordered
    .filter((f) => f === 'caseNo' || valued.has(f) || headers.get(f))
    .map((field, i) => ({ field, i }))
    .sort((a, b) => rank(a.field) - rank(b.field) || a.i - b.i)
    .map(({ field }) => ({ field, header: headers.get(field) ?? null }));
}

type Row = ImportPreview['rows'][number];

const OUTCOME_COLOR = { inserted: 'success', updated: 'info', unchanged: 'default', adjusted: 'warning' } as const;

/** What the import would do with the row: a new case, an update, nothing; or that it rejects it. */
function OutcomeChip({ kind, row }: { kind: ImportPreview['kind']; row: Row }) {
  const { t } = useTranslation();
  if (row.problem) return <Chip size="small" variant="outlined" color="error" label={t('intake.outcome.rejected')} />;
  if (!row.outcome) return null;
  return <Chip size="small" variant="outlined" color={OUTCOME_COLOR[row.outcome]} label={t(`intake.outcome.${kind}.${row.outcome}`)} />;
}

const cellSx = (field: string) => ({
  whiteSpace: 'nowrap' as const,
  ...(NUMERIC.has(field) ? { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' } : {}),
  ...(field === 'debtorName' ? { maxWidth: 160, overflow: 'hidden', textOverflow: 'ellipsis' } : {}),
});

/** The first rows of a file as the profile maps them; a row with a problem is tinted and says what is wrong. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const columns = previewColumns(preview);
  const absent = <span aria-label={t('common.absent')}>—</span>;
  // Rehearsed on the store: each row says what its import would do. Without a rehearsal there is nothing to say.
  const outcomes = preview.rows.some((r) => r.outcome !== null);
  const outcomeCell = (r: Row) => outcomes && <TableCell sx={{ whiteSpace: 'nowrap', py: 0.5 }}><OutcomeChip kind={preview.kind} row={r} /></TableCell>;
  return (
    <TableContainer sx={{ maxHeight: 440, borderTop: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Table stickyHeader aria-label={t('intake.preview.tableLabel')} sx={{ '& td, & th': { px: 1.25 } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ textAlign: 'right', verticalAlign: 'bottom' }}>{t('intake.preview.row')}</TableCell>
            {outcomes && <TableCell sx={{ verticalAlign: 'bottom', whiteSpace: 'nowrap' }}>{t('intake.preview.outcome')}</TableCell>}
            {columns.map((c) => (
              <TableCell key={c.field} sx={{ ...cellSx(c.field), verticalAlign: 'bottom' }}>
                <Box>{fieldLabel(t, c.field)}</Box>
                <Typography variant="caption" component="div" color="textSecondary" sx={{ fontWeight: 400, lineHeight: 1.3 }} title={t('intake.preview.bankHeader')}>
                  {c.header ?? (DERIVED.has(c.field) ? t(`intake.preview.derived.${c.field}`) : '—')}
                </Typography>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {preview.rows.map((r) => {
            if (r.problem) {
              return (
                <TableRow key={r.row} data-problem="true" sx={{ bgcolor: (th) => alpha(th.palette.error.main, 0.07) }}>
                  <TableCell sx={{ textAlign: 'right', color: 'error.main', fontVariantNumeric: 'tabular-nums' }}>{r.row}</TableCell>
                  {outcomeCell(r)}
                  <TableCell className="mono" sx={{ whiteSpace: 'nowrap' }}>
                    {r.caseNo || absent}
                  </TableCell>
                  <TableCell colSpan={Math.max(columns.length - 1, 1)} sx={{ color: 'error.main' }}>
                    <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
                      <ErrorOutlineOutlined sx={{ fontSize: 16 }} />
                      <span>{reasonText(t, r.problem)}</span>
                      {r.problem.message && showsMessage(prefs.language) && (
                        <Typography component="span" variant="caption" color="textSecondary" className="mono" sx={{ pl: 0.5 }}>
                          {r.problem.message}
                        </Typography>
                      )}
                    </Stack>
                  </TableCell>
                </TableRow>
              );
            }
            return (
              <TableRow key={r.row} hover>
                <TableCell sx={{ textAlign: 'right', color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>{r.row}</TableCell>
                {outcomeCell(r)}
                {columns.map((c) => {
                  const v = r.values[c.field];
                  if (c.field === 'contacts' && r.contacts) {
                    return (
                      <TableCell key={c.field} sx={{ whiteSpace: 'nowrap', py: 0.5 }}>
                        {r.contacts.length === 0 && absent}
                        {r.contacts.map((p, i) => (
                          <Box key={i} sx={{ fontSize: 12, lineHeight: 1.5 }}>
                            {p.name ?? absent}
                            <Box component="span" sx={{ color: 'text.secondary', mx: 0.5 }}>
                              {t(`wb.relations.${p.relation}`, { defaultValue: p.relation })}
                            </Box>
                            <span className="mono">{p.phone}</span>
                          </Box>
                        ))}
                      </TableCell>
                    );
                  }
                  return (
                    <TableCell key={c.field} className={MONO.has(c.field) ? 'mono' : undefined} sx={cellSx(c.field)} title={v ?? undefined}>
                      {v === null || v === undefined || v === '' ? absent : DAYS.has(c.field) ? formatDay(v, prefs.language) : v}
                    </TableCell>
                  );
                })}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
