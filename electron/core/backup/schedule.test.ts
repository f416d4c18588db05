import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manualClock, PASSPHRASE, setupApp, value } from '../../../test/helpers/core';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { nextSlot, previousSlot } from './schedule';

// The workstation's clock reads Beijing time: names and the schedule's time are local, the store's instants UTC.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

describe('backups on a schedule (a fake clock, local-time names)', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;
  let tmp: ReturnType<typeof makeTempDir>;
  let folder: string;
  // Monday 2026-12-07, 20:00 in Beijing.
  const clock = manualClock('2026-12-07T12:00:00.000Z');

  beforeEach(async () => {
    clock.set('2026-12-07T12:00:00.000Z');
    env = await setupApp(clock);
    tmp = makeTempDir();
    folder = join(tmp.dir, 'nightly');
    mkdirSync(folder);
  });
  afterEach(() => {
    env.cleanup();
    tmp.cleanup();
  });
  const files = () => readdirSync(folder).sort();

  it('makes the daily backup at its local time, named in local time, and keeps the newest N', async () => {
    const { app } = env;
    const state = value(await app.dispatch('backup.setSchedule', { schedule: { frequency: 'daily', weekday: null, time: '21:30', folder, keep: 2 } }));
    expect(state.next).toBe('2026-12-07T13:30:00.000Z');
    expect(state.last).toBeNull();
    await app.backups.tick();
    expect(files()).toEqual([]);

    clock.set('2026-12-07T13:30:20.000Z');
    await app.backups.tick();
    expect(files()).toEqual(['collectdesk-2026-12-07-2130.cdbackup']);
    const after = value(await app.dispatch('backup.schedule', {}));
    expect(after.last).toEqual({ at: '2026-12-07T13:30:20.000Z', file: 'collectdesk-2026-12-07-2130.cdbackup', error: null });
    expect(after.next).toBe('2026-12-08T13:30:00.000Z');
    // Not twice for one slot.
    clock.set('2026-12-07T15:00:00.000Z');
    await app.backups.tick();
    expect(files()).toHaveLength(1);

    // A file someone else put there is never removed; the app's own beyond the newest 2 are.
    writeFileSync(join(folder, 'keep-me.cdbackup'), 'x');
    for (const day of ['08', '09']) {
      clock.set(`2026-12-${day}T13:31:00.000Z`);
      await app.backups.tick();
    }
    expect(files()).toEqual(['collectdesk-2026-12-08-2131.cdbackup', 'collectdesk-2026-12-09-2131.cdbackup', 'keep-me.cdbackup']);
    const audit = env.db.prepare("SELECT details FROM audit_events WHERE action IN ('backup.schedule', 'backup.prune') ORDER BY seq").pluck().all() as string[];
    expect(JSON.parse(audit[0]!)).toMatchObject({ frequency: 'daily', time: '21:30', keep: 2 });
    expect(JSON.parse(audit[1]!)).toMatchObject({ removed: ['collectdesk-2026-12-07-2130.cdbackup'] });
  });

  it('makes a backup missed while the app was closed at the next open, and records a failure for the Data panel', async () => {
    const { app } = env;
    value(await app.dispatch('backup.setSchedule', { schedule: { frequency: 'weekly', weekday: 2, time: '09:00', folder, keep: 4 } }));
    expect(value(await app.dispatch('backup.schedule', {})).next).toBe('2026-12-08T01:00:00.000Z'); // Tuesday 09:00 in Beijing
    app.lock();
    clock.set('2026-12-10T02:00:00.000Z'); // Thursday 10:00: Tuesday's was missed
    value(await app.dispatch('app.unlock', { passphrase: PASSPHRASE }));
    await app.backups.tick();
    expect(files()).toEqual(['collectdesk-2026-12-10-1000.cdbackup']);

    // The folder gone: the attempt is recorded with its reason, and the next slot tries again.
    tmp.cleanup();
    clock.set('2026-12-15T01:05:00.000Z');
    await app.backups.tick();
    value(await app.dispatch('auth.signIn', { name: 'admin', password: 'admin-password-1' }));
    const state = value(await app.dispatch('backup.schedule', {}));
    expect(state.last).toMatchObject({ at: '2026-12-15T01:05:00.000Z', file: null, error: 'not_found' });
    expect(state.next).toBe('2026-12-22T01:00:00.000Z');
    expect(existsSync(folder)).toBe(false);
  });

  it('tries again at the next tick when another program holds the store (an import), not only at the next slot', async () => {
    const { app } = env;
    value(await app.dispatch('backup.setSchedule', { schedule: { frequency: 'daily', weekday: null, time: '21:30', folder, keep: 3 } }));
    clock.set('2026-12-07T13:31:00.000Z');
    const other = await app.openConnection();
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      await app.backups.tick();
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    expect(files()).toEqual([]);
    expect(value(await app.dispatch('backup.schedule', {})).last).toBeNull();
    await app.backups.tick();
    expect(files()).toEqual(['collectdesk-2026-12-07-2131.cdbackup']);
  });

  it('refuses a folder that does not exist, naming the field', async () => {
    const r = await env.app.dispatch('backup.setSchedule', { schedule: { frequency: 'daily', weekday: null, time: '21:30', folder: join(tmp.dir, 'nope'), keep: 3 } });
    expect(!r.ok && r.error.details).toMatchObject({ field: 'folder' });
    const off = value(await env.app.dispatch('backup.setSchedule', { schedule: null }));
    expect(off).toMatchObject({ schedule: null, next: null });
  });

  it('finds the slots around a moment in local time', () => {
    const s = { frequency: 'weekly' as const, weekday: 7, time: '23:45', folder: '/x', keep: 1 };
    expect(previousSlot(s, new Date('2026-12-07T12:00:00Z')).toISOString()).toBe('2026-12-06T15:45:00.000Z');
    expect(nextSlot(s, new Date('2026-12-07T12:00:00Z')).toISOString()).toBe('2026-12-13T15:45:00.000Z');
  });
});
