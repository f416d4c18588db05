import { useCallback, useState } from 'react';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useHubReceived } from '../../shell/hub/HubSyncContext';

export interface CaseDetailState {
  detail: CaseDetail | null;
  loading: boolean;
  error: unknown;
  /** re-reads the case (after a save or a flag); the old detail stays on screen meanwhile */
  reload(): void;
}

/** case.get: the whole case (masked) for all its tabs, in one call. */
export function useCaseDetail(caseId: string | null): CaseDetailState {
  const [generation, setGeneration] = useState(0);
  // changes from other stations of the agency hub: the case is read again as they arrive
  const received = useHubReceived();
  const { value, error, loading } = useLoad(caseId ? `${caseId}|${generation}|${received}` : null, () => api.call('case.get', { caseId: caseId as string }));
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { detail: value?.id === caseId ? value : null, loading, error, reload };
}
