/**
 * Schema version 17: an assignment is kept as one operation with each case's previous holder, so a lead can undo the
 * last one while nothing has happened to its cases since; and each user has a staff number (工号), the one the call
 * scripts announce.
 */
export const sql = /* sql */ `
CREATE TABLE assignment_ops (
  id          TEXT PRIMARY KEY,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL REFERENCES users(id),
  undone_at   TEXT,
  undone_by   TEXT REFERENCES users(id)
);
CREATE TABLE assignment_op_cases (
  op_id       TEXT NOT NULL REFERENCES assignment_ops(id),
  case_id     TEXT NOT NULL REFERENCES cases(id),
  from_user   TEXT REFERENCES users(id),
  from_at     TEXT,
  to_user     TEXT NOT NULL REFERENCES users(id),
  PRIMARY KEY (op_id, case_id)
);
ALTER TABLE users ADD COLUMN staff_no TEXT;
CREATE UNIQUE INDEX users_staff_no ON users(staff_no) WHERE staff_no IS NOT NULL;
`;
