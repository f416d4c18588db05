import { DataGrid, useGridApiRef, type GridSortModel } from '@mui/x-data-grid';
import { enUS, zhCN } from '@mui/x-data-grid/locales';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListRow } from '../../../../shared/contract/schemas';
import type { Language } from '../../i18n';
import { FIELD_OF, queueColumns, SORT_OF } from './queueColumns';
import type { QueueState } from './queueState';
import { isTyping } from './useQueueKeys';

interface Props {
  rows: CaseListRow[];
  total: number;
  loading: boolean;
  state: QueueState;
  team: boolean;
  language: Language;
  /** what an empty page says (no cases yet, no match for the search, nothing under these filters) */
  emptyText: string;
  onChange(patch: Partial<QueueState>): void;
  onOpen(row: CaseListRow): void;
  /** ↑/↓/J/K from the grid itself move the highlighted row */
  onMove(delta: number): void;
}

const LOCALE = { 'zh-CN': zhCN, en: enUS } as const;

/** The queue as an MUI X DataGrid in server mode: the core pages and sorts; the grid only shows one page. */
export function QueueGrid({ rows, total, loading, state, team, language, emptyText, onChange, onOpen, onMove }: Props) {
  const { t } = useTranslation();
  const apiRef = useGridApiRef();
  // Overdue follow-ups are judged at the time the page was read.
  const readAt = useMemo(() => Date.now(), [rows]);
  const columns = useMemo(() => queueColumns(t, language, team, readAt), [t, language, team, readAt]);
  // One model per order: a new array each render reads to the grid as a new order, and it goes back to page 1.
  const sortField = state.sort?.field;
  const sortDir = state.sort?.dir;
  const sortModel: GridSortModel = useMemo(() => (sortField && sortDir ? [{ field: FIELD_OF[sortField], sort: sortDir }] : []), [sortField, sortDir]);
  const focusedInGrid = useRef(false);

  // Keep the highlighted row in view (and focused, when the keyboard is in the grid).
  useEffect(() => {
    const api = apiRef.current;
    if (!api || !state.selectedId || !rows.some((r) => r.id === state.selectedId)) return;
    const rowIndex = api.getRowIndexRelativeToVisibleRows(state.selectedId);
    if (rowIndex >= 0) api.scrollToIndexes({ rowIndex });
    if (focusedInGrid.current) api.setCellFocus(state.selectedId, 'caseNo');
  }, [apiRef, rows, state.selectedId]);

  return (
    <DataGrid
      apiRef={apiRef}
      aria-label={t('queue.tableLabel')}
      rows={rows}
      columns={columns}
      rowCount={total}
      loading={loading}
      density="compact"
      rowHeight={34}
      columnHeaderHeight={36}
      paginationMode="server"
      sortingMode="server"
      filterMode="server"
      disableColumnFilter
      disableRowSelectionOnClick
      hideFooterSelectedRowCount
      keepNonExistentRowsSelected={false}
      sortingOrder={['desc', 'asc', null]}
      pageSizeOptions={[25, 50, 100]}
      paginationModel={{ page: state.page, pageSize: state.pageSize }}
      onPaginationModelChange={(m) => onChange({ page: m.pageSize === state.pageSize ? m.page : 0, pageSize: m.pageSize })}
      sortModel={sortModel}
      onSortModelChange={(m) => {
        const first = m[0];
        const field = first ? SORT_OF[first.field] : undefined;
        onChange({ sort: field && first?.sort ? { field, dir: first.sort } : null, page: 0 });
      }}
      rowSelectionModel={{ type: 'include', ids: new Set(state.selectedId ? [state.selectedId] : []) }}
      onRowClick={(p) => onOpen(p.row)}
      onCellKeyDown={(p, e) => {
        focusedInGrid.current = true;
        const key = e.key.toLowerCase();
        if (isTyping(e.target)) return;
        if (key === 'arrowdown' || key === 'j' || key === 'arrowup' || key === 'k') {
          (e as typeof e & { defaultMuiPrevented?: boolean }).defaultMuiPrevented = true;
          e.preventDefault();
          onMove(key === 'arrowdown' || key === 'j' ? 1 : -1);
        } else if (key === 'enter') {
          e.preventDefault();
          onOpen(p.row);
        }
      }}
      onCellClick={() => (focusedInGrid.current = true)}
      localeText={{
        ...LOCALE[language].components.MuiDataGrid.defaultProps.localeText,
        noRowsLabel: emptyText,
        paginationRowsPerPage: t('queue.rowsPerPage'),
        paginationDisplayedRows: ({ from, to, count }) => (count === 0 ? t('queue.displayedNone') : t('queue.displayedRows', { from, to, count })),
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
