import { useCallback, useEffect, useState } from 'react';
import type { BatchRow, ClientSummary, ImportRow } from '../../../shared/contract/intake';
import { api } from '../api/client';

export interface IntakeLists {
  clients: ClientSummary[] | null;
  batches: BatchRow[] | null;
  imports: ImportRow[] | null;
  error: unknown;
  loading: boolean;
  reload(): void;
}

const RECENT = 50;

/** What the import screen lists: clients, batches and recent imports. */
export function useIntakeLists(): IntakeLists {
  const [clients, setClients] = useState<ClientSummary[] | null>(null);
  const [batches, setBatches] = useState<BatchRow[] | null>(null);
  const [imports, setImports] = useState<ImportRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    Promise.all([api.call('clients.list', {}), api.call('batches.list', {}), api.call('import.list', { limit: RECENT })])
      .then(([c, b, i]) => {
        if (!live) return;
        setClients(c);
        setBatches(b);
        setImports(i);
        setError(null);
      })
      .catch((err: unknown) => live && setError(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { clients, batches, imports, error, loading, reload };
}
