/**
 * Schema version 18: backups on a schedule. One row (or none: no schedule) — how often, at what local time, into
 * which folder and how many to keep — and what the last scheduled backup did.
 */
export const sql = /* sql */ `
CREATE TABLE backup_schedule (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  frequency        TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
  weekday          INTEGER CHECK (weekday BETWEEN 1 AND 7),
  at_time          TEXT NOT NULL,
  folder           TEXT NOT NULL,
  keep             INTEGER NOT NULL CHECK (keep >= 1),
  set_at           TEXT NOT NULL,
  set_by           TEXT NOT NULL REFERENCES users(id),
  last_attempt_at  TEXT,
  last_file        TEXT,
  last_error       TEXT
);
`;
