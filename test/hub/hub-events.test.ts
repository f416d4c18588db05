// Server push: an online station hears within a second that records for it exist.
import { afterEach, expect, it } from 'vitest';
import { change, claimedHub, closeStations, enroll, user, type TestHub, type TestStation } from './harness';
import { openEvents, type EventReader } from './event-stream';
import { bothStores } from './suites';

bothStores('hub events', (kind) => {
  const open: TestHub[] = [];
  const stations: TestStation[] = [];
  const readers: EventReader[] = [];
  afterEach(async () => {
    for (const r of readers.splice(0)) r.close();
    await closeStations(...stations.splice(0));
    for (const h of open.splice(0)) await h.close();
  });

  it('tells each online station of new records it may see, within a second, and no other', async () => {
    const { hub, admin } = await claimedHub(kind);
    open.push(hub);
    const ann = user();
    const bob = user();
    const lead = await enroll(hub, admin, [user('lead')], 'full');
    const annPc = await enroll(hub, admin, [ann]);
    const bobPc = await enroll(hub, admin, [bob]);
    stations.push(admin, lead, annPc, bobPc);
    const [leadEv, annEv, bobEv] = await Promise.all([lead, annPc, bobPc].map((s) => openEvents(s.transport, s.client)));
    readers.push(leadEv!, annEv!, bobEv!);
    for (const r of [leadEv, annEv, bobEv]) expect(await r?.next()).toMatchObject({ event: 'ready', data: { head: 0 } });

    // a case routed to ann, in the push that assigns it
    let t0 = Date.now();
    await admin.client.push({ changes: [change(admin, { routeKey: 'case-a' })], routes: [{ key: 'case-a', users: [ann.id] }] });
    const toLead = await leadEv!.next(1000);
    const toAnn = await annEv!.next(1000);
    expect(toLead).toMatchObject({ event: 'changes', data: { head: 2 } });
    expect(toAnn).toMatchObject({ event: 'changes', data: { head: 2 } });
    expect((toAnn?.at ?? Infinity) - t0).toBeLessThan(1000);
    expect(await bobEv!.next(300)).toBeNull();

    // a later change of ann's case (no route in the push): ann hears, bob does not
    t0 = Date.now();
    await lead.client.push({ changes: [change(lead, { routeKey: 'case-a' })] });
    expect(await annEv!.next(1000)).toMatchObject({ event: 'changes', data: { head: 3 } });
    expect(await leadEv!.next(1000)).toMatchObject({ event: 'changes', data: { head: 3 } });
    expect(await bobEv!.next(300)).toBeNull();

    // a record with no route reaches every station; the pusher's own stream hears it too
    await annPc.client.push({ changes: [change(annPc, { routeKey: null, entity: 'note_template' })] });
    const toBob = await bobEv!.next(1000);
    expect(toBob).toMatchObject({ event: 'changes', data: { head: 4 } });
    expect((toBob?.at ?? Infinity) - t0).toBeLessThan(2000);
    expect(await annEv!.next(1000)).toMatchObject({ event: 'changes', data: { head: 4 } });
  });
});
