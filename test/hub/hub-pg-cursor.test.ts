// PostgreSQL: the cursor is a gap-free position assigned in commit order, also with several hub processes (pools)
// pushing at once — a station reading from its cursor never skips a record that commits later with a lower number.
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/domain/ids';
import { formatHlc, HlcClock, hlcNodeOf } from '../../shared/replication/hlc';
import type { HubStore, LogChange } from '../../electron/hub/store/types';
import { openStore } from './harness';
import { newSchema, PG_URL } from './pg';
import { postgresOnly } from './suites';

function changesOf(station: string, clock: HlcClock, n: number): LogChange[] {
  return Array.from({ length: n }, () => {
    const changeId = uuidv7();
    const hlc = formatHlc(clock.send());
    return { changeId, routeKey: null, hlc, body: JSON.stringify({ changeId, station, hlc }) };
  });
}

const now = (): string => new Date().toISOString();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

postgresOnly('hub cursor on PostgreSQL', () => {
  const stores: HubStore[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
  });

  it('shows a plain sequence letting a reader skip a record (what the hub must not do)', async () => {
    const schema = newSchema();
    const a = new pg.Client({ connectionString: PG_URL });
    const b = new pg.Client({ connectionString: PG_URL });
    await a.connect();
    await b.connect();
    try {
      await a.query(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.naive (id bigserial PRIMARY KEY, v text)`);
      await a.query('BEGIN');
      await a.query(`INSERT INTO ${schema}.naive (v) VALUES ('first')`);
      await b.query(`INSERT INTO ${schema}.naive (v) VALUES ('second')`);
      const seen = (await b.query(`SELECT id FROM ${schema}.naive WHERE id > 0 ORDER BY id`)).rows.map((r: { id: string }) => Number(r.id));
      await a.query('COMMIT');
      const cursor = Math.max(...seen);
      const later = (await b.query(`SELECT id FROM ${schema}.naive WHERE id > $1`, [cursor])).rows;
      expect(seen).toEqual([2]);
      expect(later).toEqual([]); // id 1 committed after the reader moved past it: skipped for ever
    } finally {
      await a.end();
      await b.end();
    }
  });

  it('makes a second hub process wait while the first holds uncommitted positions; a reader sees neither until they commit, in order', async () => {
    const schema = newSchema();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inCommit = new Promise<void>((r) => (entered = r));
    const first = (
      await openStore('postgres', {
        schema,
        beforeCommit: async () => {
          entered();
          await gate;
        },
      })
    ).store;
    const second = (await openStore('postgres', { schema })).store;
    const reader = (await openStore('postgres', { schema })).store;
    stores.push(first, second, reader);
    const s1 = uuidv7();
    const s2 = uuidv7();
    const slow = first.append(s1, changesOf(s1, new HlcClock(hlcNodeOf(s1)), 2), [], now());
    await inCommit;
    const fast = second.append(s2, changesOf(s2, new HlcClock(hlcNodeOf(s2)), 1), [], now());
    await sleep(300);
    expect(await reader.pull({ after: 0, limit: 100, full: true, users: [] })).toMatchObject({ items: [], head: 0, next: 0 });
    release();
    const [r1, r2] = await Promise.all([slow, fast]);
    if (r1.kind !== 'ok' || r2.kind !== 'ok') throw new Error('append refused');
    expect(r1.acks.map((a) => a.seq)).toEqual([1, 2]);
    expect(r2.acks.map((a) => a.seq)).toEqual([3]);
    expect((await reader.pull({ after: 0, limit: 100, full: true, users: [] })).items.map((i) => i.seq)).toEqual([1, 2, 3]);
  });

  it('keeps positions gap-free under concurrent pushers on two hub processes while a station pulls from its cursor', async () => {
    const schema = newSchema();
    const hubA = (await openStore('postgres', { schema })).store;
    const hubB = (await openStore('postgres', { schema })).store;
    const hubR = (await openStore('postgres', { schema })).store;
    stores.push(hubA, hubB, hubR);
    const PUSHERS = 6;
    const BATCHES = 15;
    const SIZE = 20;
    const pushed = new Set<string>();
    let done = false;
    const pushers = Array.from({ length: PUSHERS }, async (_, p) => {
      const station = uuidv7();
      const clock = new HlcClock(hlcNodeOf(station));
      const store = p % 2 === 0 ? hubA : hubB;
      for (let b = 0; b < BATCHES; b++) {
        const batch = changesOf(station, clock, SIZE);
        const r = await store.append(station, batch, [], now());
        if (r.kind !== 'ok') throw new Error(`append refused: ${r.kind}`);
        for (const c of batch) pushed.add(c.changeId);
      }
    });
    const seen: string[] = [];
    const reading = (async () => {
      let cursor = 0;
      for (;;) {
        const finished = done;
        const page = await hubR.pull({ after: cursor, limit: 37, full: true, users: [] });
        // a full replica's page is the very next positions: no hole, whatever is still committing
        expect(page.items.map((i) => i.seq)).toEqual(page.items.map((_, k) => cursor + 1 + k));
        for (const i of page.items) seen.push((JSON.parse(i.body) as { changeId: string }).changeId);
        cursor = page.next;
        if (finished && !page.more) return cursor;
        if (!page.more) await sleep(5);
      }
    })();
    await Promise.all(pushers);
    done = true;
    const cursor = await reading;
    const total = PUSHERS * BATCHES * SIZE;
    expect(cursor).toBe(total);
    expect(seen).toHaveLength(total);
    expect(new Set(seen)).toEqual(pushed);
    expect(await hubR.head()).toBe(total);
  }, 120_000);
});
