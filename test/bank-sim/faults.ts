/**
 * Failures the simulator injects, so that tests and demos see what a real bank link does:
 * - failRate: this share of API requests is answered 503 before anything is done;
 * - latencyMs: every API request waits this long before it is handled;
 * - dropAfterCommit: this share of API requests is done (pushed outcomes committed) and then the connection is
 *   dropped without an answer — the case that tests exactly-once.
 * A seed makes the sequence of dice throws repeatable.
 */
export interface Faults {
  failRate: number;
  latencyMs: number;
  dropAfterCommit: number;
  seed?: number;
}

export const NO_FAULTS: Faults = { failRate: 0, latencyMs: 0, dropAfterCommit: 0 };

/** A small deterministic generator (mulberry32) when seeded; Math.random otherwise. */
export function dice(seed: number | undefined): () => number {
  if (seed === undefined) return Math.random;
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function checkFaults(f: Faults): void {
  for (const [name, v] of [['--fail-rate', f.failRate], ['--drop-after-commit', f.dropAfterCommit]] as const) {
    if (!(v >= 0 && v < 1)) throw new Error(`${name} must be a fraction from 0 up to (not including) 1, not ${v}.`);
  }
  if (!(Number.isInteger(f.latencyMs) && f.latencyMs >= 0)) throw new Error(`--latency-ms must be a whole number of milliseconds, not ${f.latencyMs}.`);
}
