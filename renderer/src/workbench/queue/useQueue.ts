import { useEffect, useState } from 'react';
import type { CaseListRow } from '../../../../shared/contract/schemas';
import { api } from '../../api/client';
import { useHubReceived } from '../../shell/hub/HubSyncContext';
import { useDebounced } from '../useDebounced';
import { toQuery, type QueueState } from './queueState';

export interface QueueCounts {
  promisesToday: number;
  nextActionsDue: number;
  brokenPromises: number;
}

export interface QueueData {
  rows: CaseListRow[];
  total: number;
  counts: QueueCounts | null;
  loading: boolean;
  error: unknown;
}

/** One page of cases.list for the queue state; typing in the search box waits for a short pause. */
export function useQueue(state: QueueState, reloadKey: number): QueueData {
  const [data, setData] = useState<QueueData>({ rows: [], total: 0, counts: null, loading: true, error: null });
  const search = useDebounced(state.search, 250);
  const query = JSON.stringify(toQuery({ ...state, search }));
  // changes from other stations of the agency hub (cases given, taken away, worked elsewhere)
  const received = useHubReceived();
  useEffect(() => {
    let live = true;
    setData((d) => ({ ...d, loading: true }));
    api
      .call('cases.list', JSON.parse(query) as ReturnType<typeof toQuery>)
      .then((r) => live && setData({ rows: r.rows, total: r.total, counts: r.counts ?? null, loading: false, error: null }))
      .catch((error: unknown) => live && setData((d) => ({ ...d, rows: [], total: 0, loading: false, error })));
    return () => {
      live = false;
    };
  }, [query, reloadKey, received]);
  return data;
}
