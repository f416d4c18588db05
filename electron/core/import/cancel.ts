import { CoreError } from '../errors';

/** A preview or import stopped at the user's request: nothing of it was written. */
export function cancelledError(): CoreError {
  return new CoreError('cancelled', 'Cancelled at the user’s request. Nothing was imported.');
}

/** Throws the cancellation when `signal` has been aborted; readers call it between chunks, the import between batches. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}
