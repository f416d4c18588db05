import { useEffect, useState } from 'react';

interface Loaded<T> {
  key: string;
  value: T | null;
  error: unknown;
}

/**
 * Loads a value for a key (null: nothing to load) and loads again when the key changes: the key names everything
 * the load depends on. A late answer for an old key is dropped; a failure keeps the last value on screen beside the
 * error; loading is true until the answer for the current key is in.
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>): { value: T | null; error: unknown; loading: boolean } {
  const [state, setState] = useState<Loaded<T>>({ key: '', value: null, error: null });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    load()
      .then((value) => live && setState({ key, value, error: null }))
      .catch((error: unknown) => live && setState((s) => ({ key, value: s.value, error })));
    return () => {
      live = false;
    };
    // load is rebuilt each render: the key names everything it depends on
  }, [key]);
  return { value: state.value, error: state.error, loading: key !== null && state.key !== key };
}
