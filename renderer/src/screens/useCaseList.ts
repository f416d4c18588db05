import { useEffect, useState } from 'react';
import type { CaseListRow } from '../../../shared/contract/schemas';
import { api } from '../api/client';

export interface CaseListState {
  rows: CaseListRow[];
  total: number;
  loading: boolean;
  error: unknown;
}

/** cases.list for one page and search text; the search waits for a short pause in typing. */
export function useCaseList(page: number, pageSize: number, search: string, reloadKey: number): CaseListState {
  const [state, setState] = useState<CaseListState>({ rows: [], total: 0, loading: true, error: null });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const timer = window.setTimeout(
      () => {
        const query = search.trim();
        api
          .call('cases.list', { page, pageSize, ...(query ? { search: query } : {}) })
          .then((r) => live && setState({ rows: r.rows, total: r.total, loading: false, error: null }))
          .catch((error: unknown) => live && setState({ rows: [], total: 0, loading: false, error }));
      },
      search ? 250 : 0,
    );
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [page, pageSize, search, reloadKey]);
  return state;
}
