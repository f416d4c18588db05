// The hub's trust: claim with the setup code, enrollment codes, signed requests, replays, clocks, versions, revocation.
import { afterEach, expect, it } from 'vitest';
import { HUB_PATHS } from '../../shared/replication/api';
import { utf8 } from '../../shared/replication/bytes';
import { HubClient, type HubTransport } from '../../shared/replication/client';
import { claimHub, issueEnrollmentCode, joinHub } from '../../shared/replication/enroll';
import { formatEnrollmentCode, parseEnrollmentCode } from '../../shared/replication/enrollment-code';
import { formatHlc } from '../../shared/replication/hlc';
import { generateStationKeys } from '../../shared/replication/signing';
import { change, claimedHub, closeStations, enroll, newStation, startTestHub, user, type TestHub, type TestStation } from './harness';
import { openEvents } from './event-stream';
import { bothStores } from './suites';

bothStores('hub trust', (kind) => {
  const open: Array<{ close(): Promise<void> }> = [];
  const stations: TestStation[] = [];
  afterEach(async () => {
    await closeStations(...stations.splice(0));
    for (const h of open.splice(0)) await h.close();
  });
  const track = <T extends TestHub>(h: T): T => (open.push(h), h);
  const keep = <T extends TestStation>(s: T): T => (stations.push(s), s);

  it('is claimed once with its setup code; the code then stops working', async () => {
    const hub = track(await startTestHub(kind));
    const admin = keep(await newStation(hub, [user('admin')]));
    expect((await admin.client.status()).claimed).toBe(false);
    const wrong = keep(await newStation(hub, [user('admin')]));
    await expect(claimHub(wrong.client, wrong.keys, { setupCode: 'AAAAA-AAAAA-AAAAA-AAAAA-0', stationName: 'x', users: wrong.users })).rejects.toMatchObject({ code: 'setup_code_invalid' });
    // typed in lower case without hyphens: still the code
    const typed = hub.setupCode.replace(/-/g, '').toLowerCase();
    const claimed = await claimHub(admin.client, admin.keys, { setupCode: typed, stationName: 'lead-pc', users: admin.users });
    expect(claimed.station).toMatchObject({ id: admin.id, replica: 'full', admin: true });
    expect(claimed.dataKey.raw).toHaveLength(32);
    const status = await admin.client.status();
    expect(status).toMatchObject({ claimed: true, agencyId: claimed.agencyId });
    const late = keep(await newStation(hub, [user('admin')]));
    await expect(claimHub(late.client, late.keys, { setupCode: hub.setupCode, stationName: 'y', users: late.users })).rejects.toMatchObject({ code: 'already_claimed' });
    expect(await hub.store.setupCode('ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-0')).toBeNull();
  });

  it('enrolls a station with a one-time code: it receives the wrapped data key and opens it with the secret the hub never saw', async () => {
    const { hub, admin } = await claimedHub(kind);
    track(hub);
    keep(admin);
    const collector = user('collector');
    const issued = await issueEnrollmentCode(admin.client, { dataKeys: admin.dataKeys, users: [collector], replica: 'partial', ttlMs: 3600_000 });
    const secret = parseEnrollmentCode(issued.text);
    if (!secret.ok) throw new Error(secret.message);
    expect(secret.code.secret).toHaveLength(26);

    const s = keep(await newStation(hub, [collector]));
    const sent: string[] = [];
    const spy: HubTransport = { request: (r) => (sent.push(JSON.stringify(r.headers) + Buffer.from(r.body).toString('utf8')), s.transport.request(r)) };
    const spyClient = new HubClient(spy, s.client.identity, { schemaVersion: 3 });
    const joined = await joinHub(spyClient, s.keys, { codeText: issued.text, stationName: 'collector-pc' });
    expect(joined.station).toMatchObject({ id: s.id, replica: 'partial', admin: false, users: [collector] });
    expect(Buffer.from(joined.dataKeys[0]?.raw ?? []).equals(Buffer.from(admin.dataKeys[0]?.raw ?? []))).toBe(true);
    expect(sent.join('\n')).not.toContain(secret.code.secret);
    const stored = await hub.store.enrollmentCode(secret.code.id);
    expect(JSON.stringify(stored)).not.toContain(secret.code.secret);
    expect(stored).toMatchObject({ usedBy: s.id, wrappedKeys: null });

    // single use
    const again = keep(await newStation(hub, [collector]));
    await expect(joinHub(again.client, again.keys, { codeText: issued.text, stationName: 'again' })).rejects.toMatchObject({ code: 'enrollment_code_invalid', details: { reason: 'used' } });
  });

  it('refuses an enrollment code whose secret is wrong, one that expired, and codes from a collector station', async () => {
    const { hub, admin } = await claimedHub(kind);
    track(hub);
    keep(admin);
    const issued = await issueEnrollmentCode(admin.client, { dataKeys: admin.dataKeys, users: [user()], replica: 'partial', ttlMs: 3600_000 });
    const parsed = parseEnrollmentCode(issued.text);
    if (!parsed.ok) throw new Error(parsed.message);
    const forged = formatEnrollmentCode({ id: parsed.code.id, secret: 'A'.repeat(26) });
    const s = keep(await newStation(hub, []));
    await expect(joinHub(s.client, s.keys, { codeText: forged, stationName: 'x' })).rejects.toMatchObject({ code: 'enrollment_code_invalid', details: { reason: 'wrong_proof' } });
    await expect(joinHub(s.client, s.keys, { codeText: issued.text.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), stationName: 'x' })).rejects.toMatchObject({ code: 'invalid_input', details: { reason: 'check' } });

    hub.clock.offsetMs = 2 * 3600_000;
    admin.offset.ms = 2 * 3600_000;
    s.offset.ms = 2 * 3600_000;
    await expect(joinHub(s.client, s.keys, { codeText: issued.text, stationName: 'x' })).rejects.toMatchObject({ code: 'enrollment_code_invalid', details: { reason: 'expired' } });
    hub.clock.offsetMs = 0;
    admin.offset.ms = 0;

    const collector = keep(await enroll(hub, admin, [user()]));
    await expect(issueEnrollmentCode(collector.client, { dataKeys: collector.dataKeys, users: [user()], replica: 'full', ttlMs: 60_000 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(collector.client.stations()).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses a replayed request, a bad signature and a station it does not know', async () => {
    const { hub, admin } = await claimedHub(kind);
    track(hub);
    keep(admin);
    const body = utf8(JSON.stringify({ after: 0 }));
    const headers = await admin.client.signedHeaders('POST', HUB_PATHS.pull, body);
    const send = (b: Uint8Array<ArrayBuffer>, h: Record<string, string>) => admin.transport.request({ method: 'POST', target: HUB_PATHS.pull, headers: { ...h, 'content-type': 'application/json' }, body: b });
    expect((await send(body, headers)).status).toBe(200);
    const replay = await send(body, headers);
    expect(replay.status).toBe(401);
    expect(JSON.parse(replay.body).error.code).toBe('replay');

    const tampered = await send(utf8(JSON.stringify({ after: 1 })), await admin.client.signedHeaders('POST', HUB_PATHS.pull, body));
    expect(JSON.parse(tampered.body).error.code).toBe('bad_signature');
    const otherKey = await generateStationKeys();
    const impostor = new HubClient(admin.transport, { stationId: admin.id, privateKey: otherKey.privateKey }, { schemaVersion: 3 });
    await expect(impostor.pull({ after: 0 })).rejects.toMatchObject({ code: 'bad_signature' });
    const stranger = keep(await newStation(hub, [user()]));
    await expect(stranger.client.pull({ after: 0 })).rejects.toMatchObject({ code: 'unknown_station' });
    const unsigned = await admin.transport.request({ method: 'POST', target: HUB_PATHS.pull, headers: { 'content-type': 'application/json' }, body });
    expect(JSON.parse(unsigned.body).error.code).toBe('unauthenticated');
  });

  it('refuses with clock_ahead a request or a change dated minutes ahead of the hub, and a request long past as stale', async () => {
    const { hub, admin } = await claimedHub(kind);
    track(hub);
    keep(admin);
    admin.offset.ms = 10 * 60_000;
    await expect(admin.client.pull({ after: 0 })).rejects.toMatchObject({ code: 'clock_ahead', status: 409 });
    admin.offset.ms = -10 * 60_000;
    await expect(admin.client.pull({ after: 0 })).rejects.toMatchObject({ code: 'stale_request' });
    admin.offset.ms = 0;
    const ahead = change(admin, { routeKey: null, hlc: formatHlc({ ms: Date.now() + 10 * 60_000, counter: 0, node: admin.clock.node }) });
    const err = await admin.client.push({ changes: [ahead] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'clock_ahead', details: { changeId: ahead.changeId } });
    expect((err as { details: { aheadMs: number } }).details.aheadMs).toBeGreaterThan(9 * 60_000);
    expect(await hub.store.head()).toBe(0);
    // a minute ahead is within the drift the hub allows
    const slightly = change(admin, { routeKey: null, hlc: formatHlc({ ms: Date.now() + 60_000, counter: 0, node: admin.clock.node }) });
    expect((await admin.client.push({ changes: [slightly] })).stored).toBe(1);
  });

  it('answers update_required to a station below the minimum schema version', async () => {
    const { hub, admin } = await claimedHub(kind, { minSchemaVersion: 3 });
    track(hub);
    keep(admin);
    const old = keep(await newStation(hub, [user()], 2));
    const issued = await issueEnrollmentCode(admin.client, { dataKeys: admin.dataKeys, users: old.users, replica: 'partial', ttlMs: 3600_000 });
    await expect(joinHub(old.client, old.keys, { codeText: issued.text, stationName: 'old' })).rejects.toMatchObject({ code: 'update_required', status: 426, details: { minSchemaVersion: 3 } });
    const current = keep(await enroll(hub, admin, [user()], 'partial', 3));
    hub.config.minSchemaVersion = 4;
    await expect(current.client.push({ changes: [change(current, { routeKey: null })] })).rejects.toMatchObject({ code: 'update_required', details: { minSchemaVersion: 4, schemaVersion: 3 } });
  });

  it('answers revoked to a revoked station at its next contact, and ends its event stream with revoked', async () => {
    const { hub, admin } = await claimedHub(kind);
    track(hub);
    keep(admin);
    const s = keep(await enroll(hub, admin, [user()]));
    const events = await openEvents(s.transport, s.client);
    expect((await events.next())?.event).toBe('ready');
    await expect(admin.client.revoke(admin.id)).rejects.toMatchObject({ code: 'invalid_input' });
    const revoked = await admin.client.revoke(s.id);
    expect(revoked.station.revokedAt).not.toBeNull();
    expect((await events.next())?.event).toBe('revoked');
    await expect(s.client.pull({ after: 0 })).rejects.toMatchObject({ code: 'revoked', status: 403 });
    await expect(s.client.push({ changes: [change(s, { routeKey: null })] })).rejects.toMatchObject({ code: 'revoked' });
    const list = await admin.client.stations();
    expect(list.stations.find((x) => x.id === s.id)?.revokedAt).not.toBeNull();
    events.close();
  });
});
