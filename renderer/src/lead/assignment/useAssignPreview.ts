import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract/methods';
import { api } from '../../api/client';
import type { Filter } from './assignForm';

export type Preview = MethodOutput<'assign.preview'>;

const DEBOUNCE_MS = 250;

/** How many cases and how much the selection holds, re-asked (debounced) whenever it changes. */
export function useAssignPreview(filter: Filter | null, generation: number): { preview: Preview | null; error: unknown; loading: boolean } {
  const key = filter ? JSON.stringify(filter) : null;
  const [state, setState] = useState<{ key: string | null; preview: Preview | null; error: unknown }>({ key: null, preview: null, error: null });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .call('assign.preview', JSON.parse(key) as Filter)
        .then((preview) => live && setState({ key, preview, error: null }))
        .catch((error: unknown) => live && setState({ key, preview: null, error }));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, generation]);
  return { preview: key === null ? null : state.preview, error: state.error, loading: key !== null && state.key !== key };
}
