import { useCallback, useEffect, useState } from 'react';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { api } from '../../api/client';

export interface CaseDetailState {
  detail: CaseDetail | null;
  loading: boolean;
  error: unknown;
  /** re-reads the case (after a save or a flag); the old detail stays on screen meanwhile */
  reload(): void;
}

/** case.get: the whole case (masked) for all its tabs, in one call. */
export function useCaseDetail(caseId: string | null): CaseDetailState {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [key, setKey] = useState(0);
  useEffect(() => {
    if (!caseId) return;
    let live = true;
    setLoading(true);
    api.call('case.get', { caseId }).then(
      (d) => {
        if (!live) return;
        setDetail(d);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [caseId, key]);
  const reload = useCallback(() => setKey((k) => k + 1), []);
  return { detail: detail?.id === caseId ? detail : null, loading, error, reload };
}
