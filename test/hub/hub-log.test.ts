// The hub's log: push, pull and acknowledge with cursors; exactly once; version skew; a station gone back in time.
import { afterEach, expect, it } from 'vitest';
import type { ChangeRecord } from '../../shared/replication/change';
import { formatHlc } from '../../shared/replication/hlc';
import { change, claimedHub, closeStations, enroll, user, type TestHub, type TestStation } from './harness';
import { bothStores } from './suites';

bothStores('hub log', (kind) => {
  const open: TestHub[] = [];
  const stations: TestStation[] = [];
  afterEach(async () => {
    await closeStations(...stations.splice(0));
    for (const h of open.splice(0)) await h.close();
  });

  async function setup(): Promise<{ hub: TestHub; admin: TestStation; lead: TestStation }> {
    const { hub, admin } = await claimedHub(kind);
    open.push(hub);
    const lead = await enroll(hub, admin, [user('lead')], 'full');
    stations.push(admin, lead);
    return { hub, admin, lead };
  }

  it('pulls in pages from a cursor and keeps the acknowledged cursor per station', async () => {
    const { hub, admin, lead } = await setup();
    const sent = [change(admin, { routeKey: null }), change(admin, { routeKey: 'case-1' }), change(admin, { routeKey: 'case-2' })];
    const pushed = await admin.client.push({ changes: sent });
    expect(pushed.acks.map((a) => a.seq)).toEqual([1, 2, 3]);
    expect(pushed).toMatchObject({ stored: 3, head: 3 });

    const p1 = await lead.client.pull({ after: 0, limit: 2 });
    expect(p1.items.map((i) => i.seq)).toEqual([1, 2]);
    expect(p1).toMatchObject({ next: 2, more: true, head: 3 });
    const p2 = await lead.client.pull({ after: p1.next, limit: 2 });
    expect(p2.items.map((i) => i.seq)).toEqual([3]);
    expect(p2).toMatchObject({ next: 3, more: false });
    expect(p2.items[0]).toEqual({ seq: 3, kind: 'change', change: sent[2] });
    expect(await lead.client.pull({ after: 3 })).toMatchObject({ items: [], next: 3, more: false });

    expect((await admin.client.stations()).stations.find((s) => s.id === lead.id)).toMatchObject({ cursor: 0, pending: 3 });
    expect(await lead.client.ack(p2.next)).toMatchObject({ cursor: 3, head: 3 });
    expect(await lead.client.ack(3)).toMatchObject({ cursor: 3 });
    expect((await admin.client.stations()).stations.find((s) => s.id === lead.id)).toMatchObject({ cursor: 3, pending: 0 });
    await expect(lead.client.ack(4)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(lead.client.pull({ after: 4 })).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'after', head: 3 } });
    expect(await hub.store.head()).toBe(3);
  });

  it('answers a resent push with its first acknowledgement and stores nothing twice', async () => {
    const { hub, admin, lead } = await setup();
    const a = change(admin, { routeKey: 'case-1' });
    const b = change(admin, { routeKey: 'case-1' });
    const c = change(admin, { routeKey: 'case-1' });
    const first = await admin.client.push({ changes: [a, b] });
    const again = await admin.client.push({ changes: [a, b] });
    expect(again.acks).toEqual(first.acks);
    expect(again.stored).toBe(0);
    // a push that overlaps: the known change keeps its position, the new one gets the next
    const overlap = await admin.client.push({ changes: [b, c, c] });
    expect(overlap.acks).toEqual([{ changeId: b.changeId, seq: 2 }, { changeId: c.changeId, seq: 3 }, { changeId: c.changeId, seq: 3 }]);
    expect(overlap.stored).toBe(1);
    // the same change id with other content is refused, and changes nothing
    await expect(admin.client.push({ changes: [{ ...a, fields: { result: 'PTP' } }] })).rejects.toMatchObject({ code: 'conflict', details: { changeId: a.changeId } });
    // the same record with its keys in another order is the same record
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as ChangeRecord;
    expect((await admin.client.push({ changes: [reordered] })).acks).toEqual([{ changeId: a.changeId, seq: 1 }]);
    expect(await hub.store.head()).toBe(3);
    expect((await lead.client.pull({ after: 0 })).items).toHaveLength(3);
  });

  it('keeps and forwards entities, fields and envelope properties it does not know', async () => {
    const { admin, lead } = await setup();
    const future = { ...change(admin, { routeKey: 'case-9', entity: 'field_visit_plan', fields: { plannedFor: '2027-01-05', route: { stops: [1, 2] }, unknownFlag: true } }), retention: { days: 1825 }, schemaVersion: 7 };
    await admin.client.push({ changes: [future] });
    const pulled = await lead.client.pull({ after: 0 });
    expect(pulled.items[0]).toEqual({ seq: 1, kind: 'change', change: future });
  });

  it('takes a tombstone with no fields and refuses a malformed change naming its field', async () => {
    const { admin } = await setup();
    const tomb = change(admin, { routeKey: 'case-1', op: 'delete', fields: {} });
    expect((await admin.client.push({ changes: [tomb] })).stored).toBe(1);
    await expect(admin.client.push({ changes: [change(admin, { routeKey: 'case-1', op: 'delete' })] })).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'changes.0.fields' } });
    await expect(admin.client.push({ changes: [{ ...change(admin, { routeKey: null }), hlc: 'yesterday' }] })).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'changes.0.hlc' } });
  });

  it('takes only changes made by the pushing station and its users', async () => {
    const { admin, lead } = await setup();
    await expect(lead.client.push({ changes: [change(admin, { routeKey: null })] })).rejects.toMatchObject({ code: 'forbidden', details: { index: 0 } });
    await expect(lead.client.push({ changes: [{ ...change(lead, { routeKey: null }), user: admin.users[0]?.id ?? '' }] })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('asks a station whose own sequence went backwards to enroll again', async () => {
    const { admin, lead } = await setup();
    const older = change(admin, { routeKey: null });
    const newer = change(admin, { routeKey: null });
    await admin.client.push({ changes: [newer] });
    await expect(admin.client.push({ changes: [older] })).rejects.toMatchObject({ code: 'reenroll_required', details: { changeId: older.changeId } });
    const page = await lead.client.pull({ after: 0 });
    await lead.client.ack(page.next);
    await expect(lead.client.ack(0)).rejects.toMatchObject({ code: 'reenroll_required' });
  });

  it('routes a case to its holders: a collector pulls its users\' cases and what has no route, a full replica all', async () => {
    const { hub, admin, lead } = await setup();
    const ann = user();
    const bob = user();
    const annPc = await enroll(hub, admin, [ann]);
    const bobPc = await enroll(hub, admin, [bob]);
    stations.push(annPc, bobPc);
    await expect(annPc.client.push({ changes: [], routes: [{ key: 'case-a', users: [ann.id] }] })).rejects.toMatchObject({ code: 'forbidden' });

    const profile = change(admin, { routeKey: null, entity: 'client_profile' });
    const a1 = change(admin, { routeKey: 'case-a', entity: 'case' });
    const b1 = change(admin, { routeKey: 'case-b', entity: 'case' });
    const pushed = await admin.client.push({ changes: [profile, a1, b1], routes: [{ key: 'case-a', users: [ann.id] }, { key: 'case-b', users: [bob.id] }] });
    expect(pushed.routes).toEqual([{ key: 'case-a', seq: 4 }, { key: 'case-b', seq: 5 }]);

    const annPage = await annPc.client.pull({ after: 0 });
    expect(annPage.items.map((i) => i.seq)).toEqual([1, 2, 4]);
    expect(annPage.items[2]).toMatchObject({ kind: 'route', route: { key: 'case-a', users: [ann.id], station: admin.id } });
    expect(annPage).toMatchObject({ next: 5, more: false });
    expect((await bobPc.client.pull({ after: 0 })).items.map((i) => i.seq)).toEqual([1, 3, 5]);
    expect((await lead.client.pull({ after: 0 })).items.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5]);

    // ann works her case; the lead's full replica sees it
    const a2 = change(annPc, { routeKey: 'case-a' });
    await annPc.client.push({ changes: [a2] });
    expect((await lead.client.pull({ after: 5 })).items.map((i) => i.seq)).toEqual([6]);
    expect((await bobPc.client.pull({ after: 5 })).items).toEqual([]);

    // reassigned to bob: ann hears the route change (and may wipe after her changes are acknowledged)
    const moved = await admin.client.push({ changes: [], routes: [{ key: 'case-a', users: [bob.id] }] });
    const routeSeq = moved.routes[0]?.seq ?? 0;
    expect((await annPc.client.pull({ after: 6 })).items).toEqual([expect.objectContaining({ seq: routeSeq, kind: 'route', route: expect.objectContaining({ users: [bob.id] }) })]);
    // bob's stream shows case-a's records from his cursor on (routes as they stand now) and the route change;
    // he fills in the case's history before his cursor with a backfill (a record in both is applied once, by id)
    expect((await bobPc.client.pull({ after: 5 })).items.map((i) => i.seq)).toEqual([6, routeSeq]);
    const backfill = await bobPc.client.pull({ after: 0, routeKey: 'case-a', before: routeSeq });
    expect(backfill.items.map((i) => i.seq)).toEqual([2, 6]);
    expect(backfill).toMatchObject({ next: routeSeq, more: false });
    await expect(annPc.client.pull({ after: 0, routeKey: 'case-a' })).rejects.toMatchObject({ code: 'forbidden' });
    // later changes of case-a go to bob only
    await admin.client.push({ changes: [change(admin, { routeKey: 'case-a' })] });
    expect((await annPc.client.pull({ after: routeSeq })).items).toEqual([]);
    expect((await bobPc.client.pull({ after: routeSeq })).items).toHaveLength(1);

    const list = await admin.client.stations();
    // ann, never acknowledged: the profile and the two route changes she was named in (case-a is no longer hers)
    expect(list.stations.find((s) => s.id === annPc.id)).toMatchObject({ pending: 3 });
    expect(list.stations.find((s) => s.id === lead.id)).toMatchObject({ pending: list.head });
  });

  it('sends a full page of a partial station with only the records it may see', async () => {
    const { hub, admin } = await setup();
    const ann = user();
    const annPc = await enroll(hub, admin, [ann]);
    stations.push(annPc);
    const changes: ChangeRecord[] = [];
    for (let i = 0; i < 30; i++) changes.push(change(admin, { routeKey: `case-${i % 3}` }));
    await admin.client.push({ changes, routes: [{ key: 'case-1', users: [ann.id] }] });
    const seen: number[] = [];
    let after = 0;
    for (let guard = 0; guard < 20; guard++) {
      const page = await annPc.client.pull({ after, limit: 4 });
      seen.push(...page.items.map((i) => i.seq));
      after = page.next;
      if (!page.more) break;
    }
    expect(seen).toEqual([...[...Array(10).keys()].map((i) => 2 + 3 * i), 31]);
    expect(after).toBe(31);
  });

  it('keeps the time a change was dated by its station (HLC) apart from its position', async () => {
    const { admin, lead } = await setup();
    const late = change(admin, { routeKey: null });
    const early = { ...change(admin, { routeKey: null }), hlc: formatHlc({ ms: Date.now() + 1000, counter: 0, node: admin.clock.node }) };
    await admin.client.push({ changes: [early, late].reverse() });
    const items = (await lead.client.pull({ after: 0 })).items;
    expect(items.map((i) => (i.kind === 'change' ? i.change.changeId : ''))).toEqual([late.changeId, early.changeId]);
  });
});
