import { SyncFailure } from './failure';

/**
 * Backoff with jitter. Within a round a retryable failure is retried after a "full jitter" delay (uniform in
 * [0, min(cap, base·2^attempt)]); across rounds a failed round sets the next attempt after an "equal jitter" delay
 * (half fixed, half random), doubling with each failure in a row up to an hour.
 */
export interface RetryPolicy {
  /** tries per request, the first included */
  attempts: number;
  baseMs: number;
  capMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 250, capMs: 8_000 };

export type Random = () => number;

export function retryDelay(attempt: number, policy: RetryPolicy, random: Random = Math.random): number {
  return Math.floor(random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt));
}

export const ROUND_BACKOFF = { baseMs: 30_000, capMs: 60 * 60_000 } as const;

/** Delay before the next round after `failures` failed rounds in a row (1 or more). */
export function nextRoundDelay(failures: number, random: Random = Math.random): number {
  const full = Math.min(ROUND_BACKOFF.capMs, ROUND_BACKOFF.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(full / 2 + (random() * full) / 2);
}

export interface RetryHooks {
  sleep: (ms: number) => Promise<void>;
  random: Random;
  /** told of each failed try that will be retried */
  onRetry?: (failure: SyncFailure, attempt: number) => void;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn` until it succeeds, a failure is not retryable, or the tries are used up (the last failure is thrown). */
export async function withRetries<T>(fn: (attempt: number) => Promise<T>, policy: RetryPolicy, hooks: RetryHooks): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (!(err instanceof SyncFailure) || !err.retryable || attempt + 1 >= policy.attempts) throw err;
      hooks.onRetry?.(err, attempt);
      await hooks.sleep(retryDelay(attempt, policy, hooks.random));
    }
  }
}
