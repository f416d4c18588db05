// PostgreSQL: a hub store written by an older hub (schema 1) is brought up to date when the hub opens it, keeping
// its log; a collector's pull then reads its cases' positions from the index of changes by case.
import { afterEach, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/domain/ids';
import { formatHlc, HlcClock, hlcNodeOf } from '../../shared/replication/hlc';
import { PG_SCHEMA_VERSION } from '../../electron/hub/store/pg-schema';
import type { HubStore } from '../../electron/hub/store/types';
import { openStore } from './harness';
import { newSchema, pgQuery } from './pg';
import { postgresOnly } from './suites';

const now = (): string => new Date().toISOString();

postgresOnly('hub store migration on PostgreSQL', () => {
  const stores: HubStore[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
  });

  it('brings a schema-1 store to the current schema and keeps its log', async () => {
    const schema = newSchema();
    const station = uuidv7();
    const ann = uuidv7();
    const clock = new HlcClock(hlcNodeOf(station));
    const first = (await openStore('postgres', { schema })).store;
    stores.push(first);
    const changes = ['case-1', 'case-2', null].map((routeKey) => {
      const changeId = uuidv7();
      const hlc = formatHlc(clock.send());
      return { changeId, routeKey, hlc, body: JSON.stringify({ changeId, routeKey, hlc }) };
    });
    expect((await first.append(station, changes, [{ key: 'case-1', users: [ann] }], now())).kind).toBe('ok');
    await first.close();
    stores.pop();
    // as a schema-1 hub left it
    await pgQuery(schema, `DROP INDEX log_change_route; CREATE INDEX log_route ON log (route_key, seq) WHERE route_key IS NOT NULL; UPDATE hub_meta SET value = '1' WHERE key = 'schema_version'`);

    const again = (await openStore('postgres', { schema })).store;
    stores.push(again);
    expect((await pgQuery<{ value: string }>(schema, `SELECT value FROM hub_meta WHERE key = 'schema_version'`))[0]?.value).toBe(String(PG_SCHEMA_VERSION));
    const indexes = (await pgQuery<{ indexname: string }>(schema, `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = 'log' ORDER BY indexname`, [schema])).map((r) => r.indexname);
    expect(indexes).toContain('log_change_route');
    expect(indexes).not.toContain('log_route');
    const full = await again.pull({ after: 0, limit: 100, full: true, users: [] });
    expect(full.items.map((i) => i.kind)).toEqual(['change', 'change', 'change', 'route']);
    // ann holds case-1: its change, the global one and the route entry naming her
    const hers = await again.pull({ after: 0, limit: 100, full: false, users: [ann] });
    expect(hers.items.map((i) => i.seq)).toEqual([1, 3, 4]);
  });
});
