/**
 * Wraps `fn` so that calls closer than `ms` to the last one that ran are dropped: a pulse of "still here" at most
 * every `ms`, however often the user moves the mouse.
 */
export function pulse(ms: number, fn: () => void, now: () => number = Date.now): () => void {
  let last = -Infinity;
  return () => {
    const t = now();
    if (t - last < ms) return;
    last = t;
    fn();
  };
}

/** How often input tells the app the user is still there: each minute, and at least four times per idle-lock time. */
export function activityPulseMs(idleMinutes: number): number {
  return Math.min(60_000, (idleMinutes * 60_000) / 4);
}
