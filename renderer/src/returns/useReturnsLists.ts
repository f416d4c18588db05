import { useCallback, useEffect, useState } from 'react';
import type { ReturnsClients, ReturnsHistoryRow } from '../../../shared/contract/returns';
import { api } from '../api/client';

export interface ReturnsLists {
  data: ReturnsClients | null;
  history: ReturnsHistoryRow[] | null;
  error: unknown;
  reloadHistory(): void;
}

const RECENT = 20;

/** What the returns screen lists: the clients with their templates (and the app's today), and recent exports. */
export function useReturnsLists(): ReturnsLists {
  const [data, setData] = useState<ReturnsClients | null>(null);
  const [history, setHistory] = useState<ReturnsHistoryRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .call('returns.clients', {})
      .then((d) => live && setData(d))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    api
      .call('returns.history', { limit: RECENT })
      .then((h) => live && setHistory(h))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [generation]);

  const reloadHistory = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, history, error, reloadHistory };
}
