import { Link, Table, TableBody, TableCell, TableContainer, TableFooter, TableHead, TableRow, TableSortLabel } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { KpiFigures, KpiGrouping, KpiRow } from '../../../../shared/kpi/kpi';
import { FIGURE_COLUMNS, figureLabel, figureText, groupLabel, type DrillMetric, type FigureColumn } from '../figures';
import { sortRows, type Sort, type SortKey } from './groupSheet';

const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
/** Fourteen columns fit the window: the sort arrow takes room only on the column sorted by. */
const QUIET_SORT = { '& .MuiTableSortLabel-root:not(.Mui-active) .MuiTableSortLabel-icon': { display: 'none' }, '& .MuiTableSortLabel-icon': { mx: 0.25 } } as const;

interface Props {
  /** 'client': the all-clients view, one row per client */
  by: KpiGrouping | 'client';
  rows: KpiRow[];
  total: KpiFigures;
  sort: Sort;
  onSort(sort: Sort): void;
  onDrill(metric: DrillMetric, title: string, key?: string): void;
}

/** Every figure per batch, collector or stage, with the total; each number opens the cases behind it. */
export function GroupTable({ by, rows, total, sort, onSort, onDrill }: Props) {
  const { t, i18n } = useTranslation();
  const label = (r: KpiRow) => groupLabel(t, by, r);
  const sorted = sortRows(rows, sort, label);
  const head = (key: SortKey, text: string, numeric: boolean, title?: string) => (
    <TableCell key={key} sx={numeric ? { ...NUM, whiteSpace: 'pre-line' } : undefined} sortDirection={sort.key === key ? sort.dir : false} title={title}>
      <TableSortLabel
        active={sort.key === key}
        direction={sort.key === key ? sort.dir : numeric ? 'desc' : 'asc'}
        onClick={() => onSort({ key, dir: sort.key === key ? (sort.dir === 'asc' ? 'desc' : 'asc') : numeric ? 'desc' : 'asc' })}
      >
        {text}
      </TableSortLabel>
    </TableCell>
  );
  const cell = (f: KpiFigures, col: FigureColumn, groupTitle: string, key?: string) => {
    const text = figureText(f, col, i18n.language);
    return (
      <TableCell key={col.key} sx={NUM}>
        {text === '—' ? (
          <span aria-label={t('lead.noDenominator')}>—</span>
        ) : (
          <Link component="button" underline="hover" color="inherit" onClick={() => onDrill(col.drill, `${groupTitle} · ${figureLabel(t, col.key)}`, key)} sx={{ font: 'inherit' }}>
            {text}
          </Link>
        )}
      </TableCell>
    );
  };
  return (
    <TableContainer>
      <Table aria-label={t(`lead.dash.by.${by}`)} sx={{ '& td, & th': { px: 1 }, '& thead th': { verticalAlign: 'bottom', lineHeight: 1.3 }, ...QUIET_SORT }}>
        <TableHead>
          <TableRow>
            {head('label', t(`lead.dash.group.${by}`), false)}
            {FIGURE_COLUMNS.map((c) => head(c.key, t(`lead.col.${c.key}`), true, `${figureLabel(t, c.key)}: ${t(`lead.def.${c.key}`)}`))}
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((r) => (
            <TableRow key={r.key} hover>
              <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>{label(r)}</TableCell>
              {FIGURE_COLUMNS.map((c) => cell(r, c, label(r), r.key))}
            </TableRow>
          ))}
        </TableBody>
        <TableFooter sx={{ '& td': { fontWeight: 600, color: 'text.primary', fontSize: 13, borderBottom: 0, bgcolor: 'action.hover' } }}>
          <TableRow>
            <TableCell>{t('lead.dash.total')}</TableCell>
            {FIGURE_COLUMNS.map((c) => cell(total, c, t('lead.dash.total')))}
          </TableRow>
        </TableFooter>
      </Table>
    </TableContainer>
  );
}
