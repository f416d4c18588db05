/** Schema version 1: the domain model of DESIGN.md. Money in integer fen; instants UTC ISO-8601; dates YYYY-MM-DD. */
export const sql = /* sql */ `
CREATE TABLE users (
  id                  TEXT PRIMARY KEY,
  name                TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name        TEXT NOT NULL,
  role                TEXT NOT NULL CHECK (role IN ('collector', 'lead', 'admin')),
  password_hash       TEXT NOT NULL,
  failed_attempts     INTEGER NOT NULL DEFAULT 0,
  locked_until        TEXT,
  disabled_at         TEXT,
  password_changed_at TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  created_by          TEXT REFERENCES users(id)
);

CREATE TABLE clients (
  id              TEXT PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  profile_json    TEXT NOT NULL,
  rule_pack       TEXT NOT NULL DEFAULT 'cn-2026',
  timezone        TEXT NOT NULL DEFAULT 'Asia/Shanghai',
  sync_secret_enc BLOB,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL REFERENCES users(id),
  updated_at      TEXT NOT NULL
);

CREATE TABLE batches (
  id               TEXT PRIMARY KEY,
  client_id        TEXT NOT NULL REFERENCES clients(id),
  batch_no         TEXT,
  file_name        TEXT NOT NULL,
  sha256           TEXT NOT NULL,
  placed_at        TEXT,
  due_back_at      TEXT,
  hand             INTEGER,
  case_count       INTEGER NOT NULL DEFAULT 0,
  placed_total_fen INTEGER NOT NULL DEFAULT 0,
  status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'returned', 'purged')),
  imported_at      TEXT NOT NULL,
  created_by       TEXT NOT NULL REFERENCES users(id),
  UNIQUE (client_id, sha256)
);
CREATE INDEX batches_client ON batches(client_id, placed_at);

-- Every bank file taken in (placement, payments, recalls): the same file twice for one client is refused.
CREATE TABLE import_files (
  id          TEXT PRIMARY KEY,
  client_id   TEXT NOT NULL REFERENCES clients(id),
  kind        TEXT NOT NULL CHECK (kind IN ('placement', 'payments', 'recalls')),
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  batch_id    TEXT REFERENCES batches(id),
  rows        INTEGER NOT NULL,
  accepted    INTEGER NOT NULL,
  inserted    INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  unchanged   INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  imported_at TEXT NOT NULL,
  created_by  TEXT NOT NULL REFERENCES users(id),
  UNIQUE (client_id, kind, sha256)
);

-- The rows an import rejected, for the summary screen and its spreadsheet export.
CREATE TABLE import_rejects (
  import_id TEXT NOT NULL REFERENCES import_files(id),
  row       INTEGER NOT NULL,
  case_no   TEXT,
  field     TEXT NOT NULL,
  code      TEXT NOT NULL,
  message   TEXT NOT NULL,
  PRIMARY KEY (import_id, row)
);

CREATE TABLE debtors (
  id                   TEXT PRIMARY KEY,
  client_id            TEXT NOT NULL REFERENCES clients(id),
  name                 TEXT,
  id_type              TEXT,
  id_number            TEXT,
  gender               TEXT CHECK (gender IN ('M', 'F')),
  birth_date           TEXT,
  mobile               TEXT,
  home_address         TEXT,
  work_address         TEXT,
  registered_address   TEXT,
  employer             TEXT,
  timezone             TEXT,
  consent_window_start TEXT,
  consent_window_end   TEXT,
  consent_valid_until  TEXT,
  purged_at            TEXT,
  created_at           TEXT NOT NULL,
  created_by           TEXT NOT NULL REFERENCES users(id),
  updated_at           TEXT NOT NULL
);
CREATE INDEX debtors_id_number ON debtors(client_id, id_number);
CREATE INDEX debtors_mobile ON debtors(mobile);
CREATE INDEX debtors_name ON debtors(name);

CREATE TABLE cases (
  id                TEXT PRIMARY KEY,
  client_id         TEXT NOT NULL REFERENCES clients(id),
  batch_id          TEXT NOT NULL REFERENCES batches(id),
  debtor_id         TEXT NOT NULL REFERENCES debtors(id),
  case_no           TEXT NOT NULL,
  product           TEXT,
  account_masked    TEXT,
  currency          TEXT NOT NULL DEFAULT 'CNY',
  principal_fen     INTEGER,
  interest_fen      INTEGER,
  fees_fen          INTEGER,
  placed_amount_fen INTEGER NOT NULL CHECK (placed_amount_fen >= 0),
  balance_fen       INTEGER NOT NULL,
  overdue_days      INTEGER,
  stage             TEXT,
  last_payment_at   TEXT,
  last_payment_fen  INTEGER,
  assigned_to       TEXT REFERENCES users(id),
  assigned_at       TEXT,
  status            TEXT NOT NULL DEFAULT 'new'
                    CHECK (status IN ('new', 'working', 'ptp', 'plan', 'paid', 'disputed', 'legal', 'recalled', 'closed')),
  next_action_at    TEXT,
  flags             TEXT NOT NULL DEFAULT '[]',
  remarks           TEXT,
  created_at        TEXT NOT NULL,
  created_by        TEXT NOT NULL REFERENCES users(id),
  updated_at        TEXT NOT NULL,
  UNIQUE (client_id, case_no)
);
CREATE INDEX cases_queue ON cases(assigned_to, status, next_action_at);
CREATE INDEX cases_batch ON cases(batch_id, status);
CREATE INDEX cases_debtor ON cases(debtor_id);
CREATE INDEX cases_case_no ON cases(case_no);

CREATE TABLE contact_persons (
  id         TEXT PRIMARY KEY,
  debtor_id  TEXT NOT NULL REFERENCES debtors(id),
  relation   TEXT NOT NULL CHECK (relation IN ('self', 'spouse', 'parent', 'child', 'sibling', 'colleague', 'friend', 'other')),
  name       TEXT,
  phone      TEXT,
  source     TEXT NOT NULL DEFAULT 'bank',
  status     TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'wrong_number', 'disconnected', 'refuses_contact')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL
);
CREATE INDEX contact_persons_debtor ON contact_persons(debtor_id);
CREATE INDEX contact_persons_phone ON contact_persons(phone);

CREATE TABLE activities (
  id                TEXT PRIMARY KEY,
  case_id           TEXT NOT NULL REFERENCES cases(id),
  debtor_id         TEXT NOT NULL REFERENCES debtors(id),
  collector_id      TEXT NOT NULL REFERENCES users(id),
  channel           TEXT NOT NULL CHECK (channel IN ('call', 'sms', 'letter', 'visit', 'email')),
  direction         TEXT NOT NULL DEFAULT 'outbound' CHECK (direction IN ('outbound', 'inbound')),
  party             TEXT NOT NULL CHECK (party IN ('debtor', 'related', 'third', 'none')),
  contact_person_id TEXT REFERENCES contact_persons(id),
  phone             TEXT,
  started_at        TEXT NOT NULL,
  recorded_at       TEXT NOT NULL,
  duration_s        INTEGER,
  result_code       TEXT NOT NULL,
  script_id         TEXT,
  disclosures       TEXT NOT NULL DEFAULT '[]',
  notes             TEXT,
  verdicts          TEXT NOT NULL DEFAULT '[]',
  override_reason   TEXT,
  recording_ref     TEXT,
  created_by        TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX activities_case ON activities(case_id, started_at);
CREATE INDEX activities_debtor ON activities(debtor_id, started_at);
CREATE INDEX activities_phone ON activities(phone, started_at);
CREATE INDEX activities_collector ON activities(collector_id, started_at);
CREATE INDEX activities_started ON activities(started_at);

CREATE TABLE promises (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES cases(id),
  activity_id TEXT REFERENCES activities(id),
  amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
  due_date    TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'kept', 'partly_kept', 'broken')),
  paid_fen    INTEGER NOT NULL DEFAULT 0,
  settled_at  TEXT,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX promises_case ON promises(case_id, due_date);
CREATE INDEX promises_due ON promises(status, due_date);

CREATE TABLE plans (
  id              TEXT PRIMARY KEY,
  case_id         TEXT NOT NULL REFERENCES cases(id),
  activity_id     TEXT REFERENCES activities(id),
  kind            TEXT NOT NULL CHECK (kind IN ('installment', 'deferral', 'settlement')),
  schedule        TEXT NOT NULL DEFAULT '[]',
  waiver_fen      INTEGER NOT NULL DEFAULT 0 CHECK (waiver_fen >= 0),
  status          TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'rejected', 'cancelled')),
  decided_by      TEXT REFERENCES users(id),
  decided_at      TEXT,
  decision_reason TEXT,
  bank_status     TEXT CHECK (bank_status IN ('pending', 'approved', 'rejected')),
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX plans_case ON plans(case_id);
CREATE INDEX plans_status ON plans(status, created_at);

CREATE TABLE payments (
  id          TEXT PRIMARY KEY,
  client_id   TEXT NOT NULL REFERENCES clients(id),
  case_id     TEXT NOT NULL REFERENCES cases(id),
  kind        TEXT NOT NULL CHECK (kind IN ('confirmed', 'claimed')),
  txn_ref     TEXT,
  amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
  paid_at     TEXT NOT NULL,
  channel     TEXT,
  import_id   TEXT REFERENCES import_files(id),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL REFERENCES users(id)
);
CREATE UNIQUE INDEX payments_txn ON payments(client_id, txn_ref) WHERE txn_ref IS NOT NULL;
CREATE INDEX payments_case ON payments(case_id, paid_at);
CREATE INDEX payments_paid ON payments(client_id, paid_at);

CREATE TABLE recalls (
  id          TEXT PRIMARY KEY,
  client_id   TEXT NOT NULL REFERENCES clients(id),
  case_id     TEXT NOT NULL REFERENCES cases(id),
  recalled_at TEXT NOT NULL,
  reason      TEXT,
  import_id   TEXT REFERENCES import_files(id),
  purge_after TEXT,
  purged_at   TEXT,
  returned_at TEXT,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX recalls_case ON recalls(case_id);
CREATE INDEX recalls_purge ON recalls(purged_at, purge_after);

-- Append-only and hash-chained: ids and field names only, never personal data.
CREATE TABLE audit_events (
  seq       INTEGER PRIMARY KEY,
  id        TEXT NOT NULL UNIQUE,
  at        TEXT NOT NULL,
  actor_id  TEXT,
  via       TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT,
  entity_id TEXT,
  details   TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE INDEX audit_events_entity ON audit_events(entity, entity_id);
CREATE INDEX audit_events_actor ON audit_events(actor_id, at);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;

-- Outcomes waiting to go to the bank, written in the same transaction as the outcome.
CREATE TABLE outbox (
  id         TEXT PRIMARY KEY,
  client_id  TEXT NOT NULL REFERENCES clients(id),
  entity     TEXT NOT NULL CHECK (entity IN ('activity', 'promise', 'plan', 'payment_claim')),
  entity_id  TEXT NOT NULL,
  op         TEXT NOT NULL DEFAULT 'upsert',
  payload    TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'acked', 'failed')),
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL,
  acked_at   TEXT
);
CREATE INDEX outbox_pending ON outbox(client_id, status, id);

CREATE TABLE sync_state (
  client_id       TEXT PRIMARY KEY REFERENCES clients(id),
  cursor          TEXT,
  last_success_at TEXT,
  last_error      TEXT,
  last_error_at   TEXT
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
