/**
 * Schema version 3: the sync schedule. A failed round sets when the next may start (backoff with jitter) and counts
 * the failures in a row; a successful one resets both. `last_attempt_at` shows when a round last ran.
 */
export const sql = /* sql */ `
ALTER TABLE sync_state ADD COLUMN next_attempt_at TEXT;
ALTER TABLE sync_state ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN last_attempt_at TEXT;
`;
