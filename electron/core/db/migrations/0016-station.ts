/**
 * Schema version 16: this store as a station of an agency hub. Without a row in hub_station the store is a whole
 * agency on one computer and writes no change records.
 */
export const sql = /* sql */ `
-- Who this station is and where its hub is. The private key (PKCS #8) lives only here, in the encrypted store.
CREATE TABLE hub_station (
  singleton    INTEGER PRIMARY KEY CHECK (singleton = 1),
  station_id   TEXT NOT NULL,
  station_name TEXT NOT NULL,
  private_key  TEXT NOT NULL,
  public_key   TEXT NOT NULL,
  hub_url      TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  agency_id    TEXT NOT NULL,
  replica      TEXT NOT NULL CHECK (replica IN ('full', 'partial')),
  users        TEXT NOT NULL DEFAULT '[]',
  hlc_last     TEXT,
  cursor       INTEGER NOT NULL DEFAULT 0,
  uploaded_at  TEXT,
  revoked_at   TEXT,
  connected_at TEXT NOT NULL,
  last_sync_at TEXT
);

-- The agency's data keys, by key id (raw bytes, base64url).
CREATE TABLE hub_keys (
  key_id   TEXT PRIMARY KEY,
  raw      TEXT NOT NULL,
  added_at TEXT NOT NULL
);

-- Change records not yet acknowledged by the hub, written in the transaction of the write they record.
CREATE TABLE hub_outbox (
  change_id  TEXT PRIMARY KEY,
  hlc        TEXT NOT NULL UNIQUE,
  entity     TEXT NOT NULL,
  row_id     TEXT NOT NULL,
  op         TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  route_key  TEXT,
  user_id    TEXT NOT NULL,
  fields     TEXT NOT NULL,
  -- 1 once its personal fields are sealed: a resent change carries the very bytes of its first sending
  sealed     INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX hub_outbox_route ON hub_outbox(route_key);

-- Who holds each case, as a full replica last told the hub (pending ones wait in hub_route_outbox).
CREATE TABLE hub_route_outbox (
  case_id TEXT PRIMARY KEY,
  users   TEXT NOT NULL
);

-- Every change this store holds (made here or pulled), so a change is applied once.
CREATE TABLE hub_applied (
  change_id TEXT PRIMARY KEY
) WITHOUT ROWID;

-- The clock of the last write of each field of a mergeable row: fields merge by HLC.
CREATE TABLE hub_field_clock (
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field  TEXT NOT NULL,
  hlc    TEXT NOT NULL,
  PRIMARY KEY (entity, row_id, field)
) WITHOUT ROWID;

-- Every replicated row the hub has a change of (made here or pulled): a full replica sends the rows missing here
-- (an import after the first upload) at its next sync.
CREATE TABLE hub_rows (
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  PRIMARY KEY (entity, row_id)
) WITHOUT ROWID;

-- Pulled changes this version does not understand (kept as they came) or that wait for a row they refer to.
CREATE TABLE hub_parked (
  change_id TEXT PRIMARY KEY,
  reason    TEXT NOT NULL CHECK (reason IN ('unknown', 'waiting')),
  body      TEXT NOT NULL
);

-- Cases that left this station's users: wiped once the hub has acknowledged every change to them.
CREATE TABLE hub_wipes (
  case_id   TEXT PRIMARY KEY,
  seq       INTEGER NOT NULL,
  queued_at TEXT NOT NULL
);
`;
