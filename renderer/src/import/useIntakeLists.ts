import { useCallback, useEffect, useState } from 'react';
import type { BatchRow, ClientSummary, ImportRow } from '../../../shared/contract/intake';
import { api } from '../api/client';

export interface IntakeLists {
  clients: ClientSummary[] | null;
  batches: BatchRow[] | null;
  imports: ImportRow[] | null;
  userNames: Map<string, string>;
  error: unknown;
  loading: boolean;
  reload(): void;
}

const RECENT = 50;

/** What the import screen lists: clients, batches, recent imports, and who imported (user names). */
export function useIntakeLists(): IntakeLists {
  const [clients, setClients] = useState<ClientSummary[] | null>(null);
  const [batches, setBatches] = useState<BatchRow[] | null>(null);
  const [imports, setImports] = useState<ImportRow[] | null>(null);
  const [userNames, setUserNames] = useState<Map<string, string>>(new Map());
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
    api
      .call('users.list', {})
      .then((users) => live && setUserNames(new Map(users.map((u) => [u.id, u.displayName]))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { clients, batches, imports, userNames, error, loading, reload };
}
