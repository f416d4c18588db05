/** The last queued run per key; a key leaves the map when its queue empties. */
const tails = new Map<string, Promise<unknown>>();

/**
 * Runs `work` after every earlier run queued under the same key has settled, so that runs for one key never overlap
 * (one sign-in or password check per user at a time). Runs for different keys go on in parallel.
 */
export async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}
