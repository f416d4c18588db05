import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, setupApp } from '../../../test/helpers/core';
import { appendAudit, GENESIS_HASH } from './audit';
import { verifyAudit } from './verify';
import type { Db } from '../db/open';

describe('the audit chain', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;
  let db: Db;
  beforeEach(async () => {
    env = await setupApp();
    db = env.db;
    for (let i = 0; i < 5; i++) db.transaction(() => appendAudit(db, { actorId: 'u', via: 'cli', action: 'test.event', details: { i } }, `2026-11-2${i}T00:00:00.000Z`))();
  });
  afterEach(() => env.cleanup());

  it('is chained from the first row: row 1 links to the genesis hash, each later row to the one before', () => {
    const rows = db.prepare('SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq').all() as { seq: number; prev_hash: string; hash: string }[];
    expect(rows[0]).toMatchObject({ seq: 1, prev_hash: GENESIS_HASH });
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(verifyAudit(db)).toEqual({ intact: true, events: rows.length, firstBrokenSeq: null, reason: null, anchors: [] });
  });

  it('is append-only: updates and deletes are refused by the database itself', () => {
    expect(() => db.prepare("UPDATE audit_events SET action = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 2').run()).toThrow(/append-only/);
  });

  it('names the first broken row when someone edits a row behind the triggers’ back', () => {
    db.exec('DROP TRIGGER audit_events_no_update');
    db.prepare(`UPDATE audit_events SET details = '{"i":99}' WHERE seq = 4`).run();
    expect(verifyAudit(db)).toMatchObject({ intact: false, firstBrokenSeq: 4, reason: expect.stringMatching(/content/) });
  });

  it('names the row after a deleted one', () => {
    db.exec('DROP TRIGGER audit_events_no_delete');
    db.prepare('DELETE FROM audit_events WHERE seq = 3').run();
    expect(verifyAudit(db)).toMatchObject({ intact: false, firstBrokenSeq: 4, reason: 'row 3 is missing' });
  });

  it('holds ids and field names, never the person’s data', () => {
    const all = JSON.stringify(db.prepare('SELECT * FROM audit_events').all());
    expect(all).toContain('user.create');
    for (const personal of [ADMIN.displayName, ADMIN.password]) expect(all).not.toContain(personal);
  });
});
