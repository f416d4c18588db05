/**
 * Schema version 15: the review queue (质检). One row per finding of note screening that a lead must look at — a warn
 * recorded with an activity, or a hit a later pack found in a past note. The note itself is evidence and is never
 * changed; the row holds where the words are and what the lead decided. One finding (activity, rule, category) is
 * queued once, however often the notes are screened again.
 */
export const sql = /* sql */ `
CREATE TABLE review_items (
  id               TEXT PRIMARY KEY,
  activity_id      TEXT NOT NULL REFERENCES activities(id),
  case_id          TEXT NOT NULL REFERENCES cases(id),
  rule             TEXT NOT NULL,
  category         TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('block', 'warn')),
  match_text       TEXT NOT NULL,
  match_start      INTEGER NOT NULL,
  match_end        INTEGER NOT NULL,
  found_by         TEXT NOT NULL CHECK (found_by IN ('record', 'rescreen')),
  pack             TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'violation')),
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL REFERENCES users(id),
  decided_by       TEXT REFERENCES users(id),
  decided_at       TEXT,
  decision_comment TEXT
);
CREATE UNIQUE INDEX review_items_finding ON review_items(activity_id, rule, category);
CREATE INDEX review_items_status ON review_items(status, created_at);
`;
