import type { ApiResult } from '../../../shared/errors';

/**
 * The pauses before each new try of a call answered `busy` (an import, in this app or another program, holds the
 * store's write lock; each try already waits a second for it, APP_BUSY_TIMEOUT_MS): ~20 s in all, about as long as
 * a 100k-row import writes. After the last the error is shown.
 */
export const BUSY_RETRY_DELAYS_MS: readonly number[] = [500, 1000, 2000, 4000, 6000];

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends a call again, with growing pauses, while the answer is `busy`; any other answer is returned as it came. */
export async function retryWhileBusy<T>(send: () => Promise<ApiResult<T>>, delays: readonly number[] = BUSY_RETRY_DELAYS_MS, sleep: (ms: number) => Promise<void> = pause): Promise<ApiResult<T>> {
  let result = await send();
  for (const delay of delays) {
    if (result.ok || result.error.code !== 'busy') return result;
    await sleep(delay);
    result = await send();
  }
  return result;
}
