import { useEffect, useMemo, useState } from 'react';
import type { BatchRow } from '../../../../shared/contract/intake';
import { api } from '../../api/client';
import { batchName } from '../useLeadLists';
import type { BatchOption } from './DashboardFilters';

export interface BatchChoice {
  options: BatchOption[];
  /** first placed – last due back of the selection, when the batches are known */
  term: { from: string; to: string } | null;
}

function termOf(batches: BatchRow[]): BatchChoice['term'] {
  const placed = batches.map((b) => b.placedAt).filter((d): d is string => d !== null).sort();
  const due = batches.map((b) => b.dueBackAt).filter((d): d is string => d !== null).sort();
  return placed[0] && due.length ? { from: placed[0], to: due[due.length - 1] as string } : null;
}

/**
 * The batches the dashboard offers: a lead's from batches.list (with the placement term); a collector, who may not
 * list batches, gets those of their own figures.
 */
export function useBatchOptions(clientCode: string, batchId: string, batches: BatchRow[], team: boolean): BatchChoice {
  const [own, setOwn] = useState<BatchOption[]>([]);
  useEffect(() => {
    if (team || !clientCode) return;
    let live = true;
    api
      .call('kpi.report', { clientCode, by: 'batch' })
      .then((r) => live && setOwn(r.rows.map((row) => ({ id: row.key, label: row.label }))))
      .catch(() => live && setOwn([]));
    return () => {
      live = false;
    };
  }, [team, clientCode]);
  return useMemo(() => {
    if (!team) return { options: own, term: null };
    const ofClient = batches.filter((b) => b.clientCode === clientCode);
    const chosen = batchId ? ofClient.filter((b) => b.id === batchId) : ofClient;
    return { options: ofClient.map((b) => ({ id: b.id, label: batchName(b) })), term: termOf(chosen) };
  }, [team, own, batches, clientCode, batchId]);
}
