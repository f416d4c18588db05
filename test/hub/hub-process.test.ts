// `npm run hub` as a process: the ready line, the certificate kept across restarts, clean SIGTERM, one SQLite hub
// per folder, and on PostgreSQL two hub processes serving one database.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/domain/ids';
import { HubClient } from '../../shared/replication/client';
import { claimHub, issueEnrollmentCode, joinHub } from '../../shared/replication/enroll';
import { formatHlc, HlcClock, hlcNodeOf } from '../../shared/replication/hlc';
import { generateStationKeys } from '../../shared/replication/signing';
import { makeTempDir } from '../helpers/temp-dir';
import { NODE, ROOT } from '../helpers/cli';
import { openEvents } from './event-stream';
import { newSchema, PG_URL } from './pg';
import { pinnedTransport, type PinnedTransport } from './pinned-transport';
import { postgresOnly } from './suites';

const HUB = ['--import', 'tsx', 'electron/hub/main.ts'];
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
const tmp = makeTempDir('hub-process-');
afterAll(() => tmp.cleanup());

interface Ready {
  listening: string;
  fingerprint: string;
  setupCode?: string;
}

interface HubProcess {
  child: ChildProcess;
  ready: Ready;
  stdout: () => string;
  stderr: () => string;
}

const running = new Set<ChildProcess>();

function startHub(args: string[]): Promise<HubProcess> {
  const child = spawn(NODE, [...HUB, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve({ child, ready: JSON.parse(out.slice(0, nl)) as Ready, stdout: () => out, stderr: () => err });
    });
    child.once('exit', (code) => reject(new Error(`the hub exited ${code}: ${err}`)));
  });
}

/** Sends SIGTERM; answers the exit code, or the signal that ended the process instead (and what it wrote on stderr). */
function stop(p: HubProcess): Promise<number | string> {
  return new Promise((resolve) => {
    p.child.once('exit', (code, signal) => {
      running.delete(p.child);
      resolve(code ?? `${signal ?? 'no code'}: ${p.stderr()}`);
    });
    p.child.kill('SIGTERM');
  });
}

afterEach(() => {
  for (const c of running) c.kill('SIGKILL');
  running.clear();
});

async function station(url: string, fingerprint: string): Promise<{ client: HubClient; keys: Awaited<ReturnType<typeof generateStationKeys>>; transport: PinnedTransport; id: string }> {
  const id = uuidv7();
  const keys = await generateStationKeys();
  const transport = await pinnedTransport(url, fingerprint);
  return { id, keys, transport, client: new HubClient(transport, { stationId: id, privateKey: keys.privateKey }, { schemaVersion: 1 }) };
}

describe('the hub process (SQLite)', () => {
  it('prints one ready line, keeps its certificate across a restart, stops cleanly on SIGTERM and drops the setup code once claimed', async () => {
    const dir = join(tmp.dir, 'one');
    const first = await startHub(['--data', dir, '--listen', '127.0.0.1:0']);
    expect(first.ready.listening).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(first.ready.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(first.ready.setupCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}-[0-9A-Z]$/);

    // one hub per SQLite folder
    const second = spawnSync(NODE, [...HUB, '--data', dir, '--listen', '127.0.0.1:0'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('in use by another hub process');

    const admin = await station(first.ready.listening, first.ready.fingerprint);
    await claimHub(admin.client, admin.keys, { setupCode: first.ready.setupCode ?? '', stationName: 'lead-pc', users: [{ id: uuidv7(), role: 'admin' }] });
    admin.transport.close();
    expect(await stop(first)).toBe(0);
    expect(first.stdout().trim().split('\n')).toHaveLength(1);

    const again = await startHub(['--data', dir, '--listen', '127.0.0.1:0']);
    expect(again.ready.fingerprint).toBe(first.ready.fingerprint);
    expect(again.ready).not.toHaveProperty('setupCode');
    expect(await stop(again)).toBe(0);
  }, 60_000);

  it('answers bad usage with exit 2', () => {
    const r = spawnSync(NODE, [...HUB, '--listen', '127.0.0.1:0'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--data DIR is required');
    const bad = spawnSync(NODE, [...HUB, '--data', join(tmp.dir, 'x'), '--listen', 'nowhere'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--listen takes HOST:PORT');
  }, 60_000);
});

postgresOnly('two hub processes on one PostgreSQL database', () => {
  it('share one setup code, one log in commit order, and tell a station on one of the pushes made through the other', async () => {
    const schema = newSchema();
    const a = await startHub(['--data', join(tmp.dir, 'a'), '--listen', '127.0.0.1:0', '--pg', PG_URL, '--pg-schema', schema]);
    const b = await startHub(['--data', join(tmp.dir, 'b'), '--listen', '127.0.0.1:0', '--pg', PG_URL, '--pg-schema', schema]);
    expect(b.ready.setupCode).toBe(a.ready.setupCode);
    expect(b.ready.fingerprint).not.toBe(a.ready.fingerprint);

    const admin = await station(a.ready.listening, a.ready.fingerprint);
    const adminUser = { id: uuidv7(), role: 'admin' as const };
    const { dataKey } = await claimHub(admin.client, admin.keys, { setupCode: a.ready.setupCode ?? '', stationName: 'lead-pc', users: [adminUser] });
    const leadUser = { id: uuidv7(), role: 'lead' as const };
    const issued = await issueEnrollmentCode(admin.client, { dataKeys: [dataKey], users: [leadUser], replica: 'full', ttlMs: 600_000 });
    const lead = await station(b.ready.listening, b.ready.fingerprint);
    await joinHub(lead.client, lead.keys, { codeText: issued.text, stationName: 'lead-2' });

    const events = await openEvents(lead.transport, lead.client);
    expect((await events.next(2000))?.event).toBe('ready');
    const pushers = [
      { s: admin, user: adminUser.id },
      { s: lead, user: leadUser.id },
    ].map(async ({ s, user }) => {
      const clock = new HlcClock(hlcNodeOf(s.id));
      const seqs: number[] = [];
      for (let i = 0; i < 10; i++) {
        const changes = Array.from({ length: 10 }, () => ({ changeId: uuidv7(), entity: 'activity', id: uuidv7(), op: 'upsert' as const, fields: {}, hlc: formatHlc(clock.send()), station: s.id, user, schemaVersion: 1, routeKey: null }));
        seqs.push(...(await s.client.push({ changes })).acks.map((x) => x.seq));
      }
      return seqs;
    });
    const t0 = Date.now();
    const first = await events.next(3000);
    expect(first?.event).toBe('changes');
    expect((first?.at ?? Infinity) - t0).toBeLessThan(1000);
    const all = (await Promise.all(pushers)).flat().sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    events.close();
    admin.transport.close();
    lead.transport.close();
    expect(await stop(a)).toBe(0);
    expect(await stop(b)).toBe(0);
  }, 90_000);
});
