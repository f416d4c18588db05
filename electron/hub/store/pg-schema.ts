/** The PostgreSQL hub store's tables, in their own schema (default collectdesk_hub). Version 2. */
export const PG_SCHEMA_VERSION = 2;
export const DEFAULT_PG_SCHEMA = 'collectdesk_hub';
export const PG_SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,50}$/;

export const PG_TABLES = `
CREATE TABLE hub_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE hub_counter (id int PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL);
INSERT INTO hub_counter (id, seq) VALUES (1, 0);
CREATE TABLE stations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  public_key text NOT NULL,
  replica text NOT NULL CHECK (replica IN ('full', 'partial')),
  admin boolean NOT NULL,
  enrolled_at timestamptz NOT NULL,
  last_seen_at timestamptz,
  cursor bigint NOT NULL DEFAULT 0,
  max_hlc text COLLATE "C",
  revoked_at timestamptz
);
CREATE TABLE station_users (
  station_id uuid NOT NULL REFERENCES stations (id),
  user_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('collector', 'lead', 'admin')),
  PRIMARY KEY (station_id, user_id)
);
CREATE TABLE enrollment_codes (
  id text PRIMARY KEY,
  verifier text NOT NULL,
  wrapped_keys text,
  users text NOT NULL,
  replica text NOT NULL CHECK (replica IN ('full', 'partial')),
  issued_by uuid NOT NULL REFERENCES stations (id),
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by uuid
);
CREATE TABLE log (
  seq bigint PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('change', 'route')),
  change_id uuid UNIQUE,
  route_key text COLLATE "C",
  station_id uuid NOT NULL,
  body text NOT NULL,
  committed_at timestamptz NOT NULL
);
CREATE INDEX log_change_route ON log (route_key, seq) WHERE kind = 'change';
CREATE INDEX log_global ON log (seq) WHERE route_key IS NULL;
CREATE TABLE route_users (route_key text COLLATE "C" NOT NULL, user_id uuid NOT NULL, PRIMARY KEY (route_key, user_id));
CREATE INDEX route_users_user ON route_users (user_id, route_key);
CREATE TABLE route_audience (user_id uuid NOT NULL, seq bigint NOT NULL, PRIMARY KEY (user_id, seq));
CREATE TABLE nonces (station_id uuid NOT NULL, nonce text NOT NULL, expires_at bigint NOT NULL, PRIMARY KEY (station_id, nonce));
CREATE INDEX nonces_expiry ON nonces (expires_at);
`;

/**
 * What brings a schema of version n-1 to n. 2: a collector's pull finds the positions of its cases' changes in the
 * index alone (version 1 indexed route entries too, and read every matching row to tell changes from routes).
 */
export const PG_MIGRATIONS: Record<number, string> = {
  2: `CREATE INDEX IF NOT EXISTS log_change_route ON log (route_key, seq) WHERE kind = 'change'; DROP INDEX IF EXISTS log_route;`,
};

/** The positions a partial station may see: see the SQLite store's VISIBLE_SEQS. $1 after, $2 upper, $3 limit (null: all), $4 users. */
export const PG_VISIBLE_SEQS = `
  (SELECT seq FROM log WHERE route_key IS NULL AND seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3)
  UNION ALL
  (SELECT seq FROM log WHERE kind = 'change' AND route_key IN (SELECT route_key FROM route_users WHERE user_id = ANY ($4::uuid[]))
     AND seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3)
  UNION ALL
  (SELECT DISTINCT seq FROM route_audience WHERE user_id = ANY ($4::uuid[]) AND seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3)`;
