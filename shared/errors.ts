/** Error codes that cross every boundary (IPC, HTTP, CLI). CLI.md lists the public ones. */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'forbidden',
  'compliance',
  'already_imported',
  'unreadable_file',
  'wrong_passphrase',
  'conflict',
  /** no database exists yet in the data folder */
  'not_initialized',
  /** the database exists but has not been unlocked with its passphrase */
  'locked',
  /** the caller is not signed in */
  'unauthenticated',
  /** user name or password wrong (never says which) */
  'bad_credentials',
  /** too many wrong passwords in a row (sign-in or password change); details.lockedUntil says until when */
  'account_locked',
  /** the database was written by a newer version, or an applied migration was edited */
  'schema_mismatch',
  /** too many searches by a personal field (name, phone, ID number); details.retryAt says when the next is allowed */
  'rate_limited',
  /** a bank sync round failed; the result's errors say where and why (docs/bank-sync-api.yaml) */
  'sync_failed',
  /** another connection (an import, most likely) held the store's write lock past the busy timeout; nothing was saved: try again */
  'busy',
  /** the database file (or a backup) is damaged: it opens with its passphrase but a page or the schema cannot be read */
  'damaged',
  /** the disk is full: nothing was changed */
  'disk_full',
  /** a preview or an import was cancelled at the user's request; nothing of it was written */
  'cancelled',
  /** a request to the agency hub failed or was refused; details.hubCode is the hub's code (docs/hub-api.md) or unreachable / pin_mismatch */
  'hub_failed',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
