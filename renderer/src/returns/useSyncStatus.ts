import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncClientStatus, SyncRoundResult } from '../../../shared/contract/sync';
import { api } from '../api/client';

const REFRESH_MS = 15_000;

/** Each client's sync state, refreshed every few seconds while the screen is open, and "sync now". */
export function useSyncStatus() {
  const [rows, setRows] = useState<SyncClientStatus[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState<ReadonlySet<string>>(new Set());
  const live = useRef(true);

  const refresh = useCallback(async () => {
    try {
      const r = await api.call('sync.status', {});
      if (live.current) {
        setRows(r);
        setError(null);
      }
    } catch (err) {
      if (live.current) setError(err);
    }
  }, []);

  useEffect(() => {
    live.current = true;
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      live.current = false;
      clearInterval(timer);
    };
  }, [refresh]);

  const syncNow = useCallback(
    async (clientCode: string): Promise<SyncRoundResult> => {
      setRunning((s) => new Set(s).add(clientCode));
      try {
        return await api.call('sync.now', { clientCode });
      } finally {
        if (live.current) {
          setRunning((s) => {
            const next = new Set(s);
            next.delete(clientCode);
            return next;
          });
          await refresh();
        }
      }
    },
    [refresh],
  );

  return { rows, error, running, syncNow, refresh };
}
