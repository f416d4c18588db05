import { Chip } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { enUS, zhCN } from '@mui/x-data-grid/locales';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewRow } from '../../../../shared/contract/review';
import { categoryText } from '../../components/screening/screeningText';
import { formatDateTime } from '../../format';
import type { Language } from '../../i18n';

const LOCALE = { 'zh-CN': zhCN, en: enUS } as const;
export const STATUS_COLOR = { open: 'warning', accepted: 'success', violation: 'error' } as const;

function columns(t: TFunction, language: Language): GridColDef<ReviewRow>[] {
  return [
    { field: 'startedAt', headerName: t('lead.review.col.at'), width: 132, valueFormatter: (v: string) => formatDateTime(v, language) },
    { field: 'caseNo', headerName: t('lead.review.col.caseNo'), width: 122, cellClassName: 'mono' },
    { field: 'collector', headerName: t('lead.review.col.collector'), width: 92 },
    {
      field: 'category',
      headerName: t('lead.review.col.category'),
      width: 184,
      valueGetter: (_v, r) => categoryText(t, r.category),
      renderCell: (p) => (
        <Chip size="small" variant="outlined" color={p.row.kind === 'block' ? 'error' : 'warning'} label={p.value as string} sx={{ height: 20, fontSize: 12, maxWidth: '100%' }} />
      ),
    },
    { field: 'match', headerName: t('lead.review.col.match'), flex: 1, minWidth: 120, renderCell: (p) => <span title={p.value as string}>{p.value as string}</span> },
    {
      field: 'status',
      headerName: t('lead.review.col.status'),
      width: 92,
      valueGetter: (_v, r) => t(`lead.review.status.${r.status}`),
      renderCell: (p) => <Chip size="small" color={STATUS_COLOR[p.row.status]} variant={p.row.status === 'open' ? 'outlined' : 'filled'} label={p.value as string} sx={{ height: 20, fontSize: 12 }} />,
    },
  ];
}

interface Props {
  rows: ReviewRow[];
  loading: boolean;
  selectedId: string | null;
  onSelect(row: ReviewRow): void;
  emptyText: string;
  /** the state column, where the rows may differ in it (not on the open items alone) */
  showStatus: boolean;
}

/** The review queue as a dense table: when, case, collector, category, the words, state. */
export function ReviewGrid({ rows, loading, selectedId, onSelect, emptyText, showStatus }: Props) {
  const { t, i18n } = useTranslation();
  const language = (i18n.language === 'en' ? 'en' : 'zh-CN') as Language;
  const cols = useMemo(() => columns(t, language), [t, language]);
  return (
    <DataGrid
      aria-label={t('lead.review.tableLabel')}
      rows={rows}
      columns={cols}
      columnVisibilityModel={{ status: showStatus }}
      loading={loading}
      density="compact"
      rowHeight={34}
      columnHeaderHeight={36}
      disableColumnMenu
      hideFooterSelectedRowCount
      pageSizeOptions={[25, 50, 100]}
      initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
      rowSelectionModel={{ type: 'include', ids: new Set(selectedId ? [selectedId] : []) }}
      onRowClick={(p) => onSelect(p.row)}
      localeText={{
        ...LOCALE[language].components.MuiDataGrid.defaultProps.localeText,
        noRowsLabel: emptyText,
        paginationRowsPerPage: t('queue.rowsPerPage'),
      }}
      sx={{
        border: 0,
        '& .MuiDataGrid-row': { cursor: 'pointer' },
        '& .MuiDataGrid-row.Mui-selected': { boxShadow: (th) => `inset 3px 0 0 ${th.palette.primary.main}` },
        '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 600 },
        '& .MuiDataGrid-cell:focus, & .MuiDataGrid-cell:focus-within': { outline: 'none' },
      }}
    />
  );
}
