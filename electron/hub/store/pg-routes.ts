import type pg from 'pg';
import type { RouteAssignment } from '../../../shared/replication/api';

/** Log rows of one append, column by column (inserted with one unnest). */
export interface LogRows {
  seq: number[];
  kind: string[];
  changeId: Array<string | null>;
  routeKey: Array<string | null>;
  body: string[];
}

export interface RoutePlan {
  routed: Array<{ key: string; seq: number }>;
  /** each route entry's position → the users who hear of it (the old holders and the new) */
  audience: Map<number, Set<string>>;
  /** each route's holders after the append */
  holders: Map<string, Set<string>>;
}

/** Route changes in the order sent (a key named twice: the later wins); each becomes a log entry. */
export async function planRoutes(c: pg.ClientBase, routes: RouteAssignment[], stationId: string, now: string, nextSeq: () => number, rows: LogRows): Promise<RoutePlan> {
  const holders = new Map<string, Set<string>>();
  const audience = new Map<number, Set<string>>();
  const routed: Array<{ key: string; seq: number }> = [];
  if (routes.length === 0) return { routed, audience, holders };
  const keys = [...new Set(routes.map((r) => r.key))];
  for (const k of keys) holders.set(k, new Set());
  const before = (await c.query('SELECT route_key, user_id FROM route_users WHERE route_key = ANY ($1::text[])', [keys])).rows as Array<{ route_key: string; user_id: string }>;
  for (const r of before) holders.get(r.route_key)?.add(r.user_id);
  for (const r of routes) {
    const users = [...new Set(r.users)].sort();
    const seq = nextSeq();
    audience.set(seq, new Set([...(holders.get(r.key) ?? []), ...users]));
    holders.set(r.key, new Set(users));
    rows.seq.push(seq);
    rows.kind.push('route');
    rows.changeId.push(null);
    rows.routeKey.push(r.key);
    rows.body.push(JSON.stringify({ key: r.key, users, station: stationId, at: now }));
    routed.push({ key: r.key, seq });
  }
  return { routed, audience, holders };
}

/** Stores the routes' new holders and who hears of each route change. */
export async function writeRoutes(c: pg.ClientBase, holders: Map<string, Set<string>>, audience: Map<number, Set<string>>): Promise<void> {
  const keys = [...holders.keys()];
  await c.query('DELETE FROM route_users WHERE route_key = ANY ($1::text[])', [keys]);
  const hk: string[] = [];
  const hu: string[] = [];
  for (const [k, users] of holders) {
    for (const u of users) {
      hk.push(k);
      hu.push(u);
    }
  }
  if (hk.length) await c.query('INSERT INTO route_users (route_key, user_id) SELECT * FROM unnest($1::text[], $2::uuid[])', [hk, hu]);
  const as: number[] = [];
  const au: string[] = [];
  for (const [s, users] of audience) {
    for (const u of users) {
      as.push(s);
      au.push(u);
    }
  }
  if (as.length) await c.query('INSERT INTO route_audience (user_id, seq) SELECT u, s FROM unnest($1::uuid[], $2::bigint[]) AS t (u, s)', [au, as]);
}
