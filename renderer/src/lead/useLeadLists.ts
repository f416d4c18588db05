import { useEffect, useState } from 'react';
import type { BatchRow, ClientSummary } from '../../../shared/contract/intake';
import type { SessionUser, UserRow } from '../../../shared/contract/schemas';
import { canSeeAllCases } from '../../../shared/domain/roles';
import { api } from '../api/client';

export interface LeadLists {
  clients: ClientSummary[] | null;
  /** every batch (leads and admins; a collector gets none) */
  batches: BatchRow[];
  /** every collector, disabled ones too (a leaving collector's portfolio is still theirs) */
  collectors: UserRow[];
  error: unknown;
}

/** What the lead screens choose from: clients, batches and the collectors. */
export function useLeadLists(user: SessionUser, generation = 0): LeadLists {
  const [lists, setLists] = useState<LeadLists>({ clients: null, batches: [], collectors: [], error: null });
  const team = canSeeAllCases(user.role);
  useEffect(() => {
    let live = true;
    Promise.all([api.call('clients.list', {}), team ? api.call('batches.list', {}) : [], team ? api.call('users.list', {}) : []])
      .then(([clients, batches, users]) => {
        if (!live) return;
        const collectors = users.filter((u) => u.role === 'collector').sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
        setLists({ clients, batches, collectors, error: null });
      })
      .catch((error: unknown) => live && setLists((l) => ({ ...l, clients: l.clients ?? [], error })));
    return () => {
      live = false;
    };
  }, [team, generation]);
  return lists;
}

/** A batch's name as the tables show it: the bank's batch number, or else its file. */
export const batchName = (b: Pick<BatchRow, 'batchNo' | 'fileName'>): string => b.batchNo ?? b.fileName;
