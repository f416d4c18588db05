import type { Db } from '../db/open';

/**
 * Tells whoever syncs a store that a replicated write just recorded change records on it (the background sync loop
 * then pushes them soon). Called inside the write's transaction: a listener only schedules work, it never writes.
 */
const listeners = new WeakMap<Db, Set<() => void>>();

export function onLocalChange(db: Db, listener: () => void): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => void set.delete(listener);
}

export function signalLocalChange(db: Db): void {
  const set = listeners.get(db);
  if (set) for (const l of set) l();
}
