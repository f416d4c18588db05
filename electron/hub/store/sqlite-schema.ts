/** The SQLite hub store's tables (hub.db in the data folder). Version 1. */
export const SQLITE_SCHEMA_VERSION = 1;

export const SQLITE_SCHEMA = `
CREATE TABLE hub_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE hub_counter (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL);
INSERT INTO hub_counter (id, seq) VALUES (1, 0);
CREATE TABLE stations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  public_key TEXT NOT NULL,
  replica TEXT NOT NULL CHECK (replica IN ('full', 'partial')),
  admin INTEGER NOT NULL,
  enrolled_at TEXT NOT NULL,
  last_seen_at TEXT,
  cursor INTEGER NOT NULL DEFAULT 0,
  max_hlc TEXT,
  revoked_at TEXT
);
CREATE TABLE station_users (
  station_id TEXT NOT NULL REFERENCES stations (id),
  user_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('collector', 'lead', 'admin')),
  PRIMARY KEY (station_id, user_id)
) WITHOUT ROWID;
CREATE TABLE enrollment_codes (
  id TEXT PRIMARY KEY,
  verifier TEXT NOT NULL,
  wrapped_keys TEXT,
  users TEXT NOT NULL,
  replica TEXT NOT NULL CHECK (replica IN ('full', 'partial')),
  issued_by TEXT NOT NULL REFERENCES stations (id),
  issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  used_by TEXT
);
CREATE TABLE log (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('change', 'route')),
  change_id TEXT UNIQUE,
  route_key TEXT,
  station_id TEXT NOT NULL,
  body TEXT NOT NULL,
  committed_at TEXT NOT NULL
);
CREATE INDEX log_route ON log (route_key, seq) WHERE route_key IS NOT NULL;
CREATE INDEX log_global ON log (seq) WHERE route_key IS NULL;
CREATE TABLE route_users (route_key TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (route_key, user_id)) WITHOUT ROWID;
CREATE INDEX route_users_user ON route_users (user_id, route_key);
CREATE TABLE route_audience (user_id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (user_id, seq)) WITHOUT ROWID;
CREATE TABLE nonces (station_id TEXT NOT NULL, nonce TEXT NOT NULL, expires_at INTEGER NOT NULL, PRIMARY KEY (station_id, nonce)) WITHOUT ROWID;
CREATE INDEX nonces_expiry ON nonces (expires_at);
`;
