import type { ApiError, ErrorCode } from '../../shared/errors';

/** An expected, user-explainable failure. Anything else crossing a boundary becomes code "internal". */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CoreError';
  }

  toApiError(): ApiError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** The code of a driver (SQLITE_…) or file-system (E…) error, if it has one. */
function errorCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** SQLITE_BUSY and its extended codes: another connection holds the write lock (an import, most likely). */
export function isBusy(err: unknown): boolean {
  return /^SQLITE_(BUSY|LOCKED)/.test(errorCode(err) ?? '');
}

/** A page or the schema could not be read with a key that opened the file: the file is damaged. */
export function isDamaged(err: unknown): boolean {
  return /^SQLITE_(CORRUPT|NOTADB)/.test(errorCode(err) ?? '');
}

/** A write that did not fit: SQLite's SQLITE_FULL, or the file system's ENOSPC / EDQUOT. */
export function isDiskFull(err: unknown): boolean {
  const code = errorCode(err) ?? '';
  return code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT';
}

export const BUSY_MESSAGE = 'An import (or another program) is writing to the database: this was not saved. Try again in a moment.';
export const DAMAGED_MESSAGE =
  'The database file is damaged: it opens with the passphrase, but part of it cannot be read. Nothing was changed. Restore the latest backup, or ask your administrator.';
export const DISK_FULL_MESSAGE = 'The disk is full: nothing was changed. Free some space on the disk that holds the data folder, then try again.';

/**
 * The user's sentence for the store's and the disk's own faults (busy, damaged, full), as a CoreError; null for any
 * other error. `what` says what did not happen, e.g. "The backup was not written." (the default: nothing was changed).
 */
export function storeFault(err: unknown, what?: string): CoreError | null {
  if (err instanceof CoreError) return null;
  const code = errorCode(err);
  const details = code ? { cause: code } : undefined;
  if (isBusy(err)) return new CoreError('busy', BUSY_MESSAGE, details);
  if (isDiskFull(err)) return new CoreError('disk_full', what ? `The disk is full: ${what} Free some space on the disk that holds the data folder, then try again.` : DISK_FULL_MESSAGE, details);
  if (isDamaged(err)) return new CoreError('damaged', what ? `The database file is damaged: part of it cannot be read. ${what} Restore the latest backup, or ask your administrator.` : DAMAGED_MESSAGE, details);
  return null;
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof CoreError) return err.toApiError();
  const fault = storeFault(err);
  if (fault) return fault.toApiError();
  return { code: 'internal', message: 'An unexpected error occurred. Please try again; if it happens again, report it with the time it happened.' };
}
