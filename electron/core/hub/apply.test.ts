import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/domain/ids';
import type { ChangeRecord } from '../../../shared/replication/change';
import { formatHlc } from '../../../shared/replication/hlc';
import { seedCases } from '../../../test/helpers/seed';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { openDatabase, type Db } from '../db/open';
import { applyChange, retryWaiting } from './apply';
import { saveStation } from './station-state';
import { recordChange } from './write-path';
import { runQueuedWipes } from './wipe';

/** Pulled changes go through the store's tables: idempotent, fields by HLC, sticky flags, unknown entities kept. */
const tmp = makeTempDir('hub-apply-');
let db: Db;
let userId: string;
let caseId: string;
const NODE = '0190A1B2C3D4E5F6';
const hlc = (ms: number): string => formatHlc({ ms: Date.parse('2026-12-01T00:00:00Z') + ms, counter: 0, node: NODE });
const NOW = '2026-12-07T00:00:00.000Z';

function caseChange(fields: ChangeRecord['fields'], at: number): ChangeRecord {
  return { changeId: uuidv7(), entity: 'case', id: caseId, op: 'upsert', fields, hlc: hlc(at), station: uuidv7(), user: userId, schemaVersion: 13, routeKey: caseId };
}

const caseRow = (): { status: string; flags: string; next_action_at: string | null } => db.prepare('SELECT status, flags, next_action_at FROM cases WHERE id = ?').get(caseId) as never;

beforeEach(async () => {
  ({ db } = await openDatabase({ dataDir: join(tmp.dir, uuidv7()), secret: { passphrase: 'a long enough passphrase' }, create: true }));
  userId = uuidv7();
  db.prepare(`INSERT INTO users (id, name, display_name, role, password_hash, password_changed_at, created_at) VALUES (?, 'boss', 'Boss', 'admin', 'x', ?, ?)`).run(userId, NOW, NOW);
  seedCases(db, userId, [{ caseNo: 'C1', debtorName: '王五', balanceFen: 100_000, assignedTo: null }]);
  caseId = db.prepare('SELECT id FROM cases').pluck().get() as string;
});
afterEach(() => db.close());
afterAll(() => tmp.cleanup());

describe('applyChange', () => {
  it('applies a change once, by its change id', () => {
    const c = caseChange({ status: 'working' }, 1);
    expect(db.transaction(() => applyChange(db, c, NOW))()).toBe('applied');
    db.prepare(`UPDATE cases SET status = 'legal' WHERE id = ?`).run(caseId);
    expect(applyChange(db, c, NOW)).toBe('duplicate');
    expect(caseRow().status).toBe('legal');
  });

  it('merges fields by HLC: an older write of a field loses, a newer one wins, other fields stay', () => {
    applyChange(db, caseChange({ status: 'ptp', next_action_at: '2026-12-09T02:00:00.000Z' }, 10), NOW);
    applyChange(db, caseChange({ status: 'working' }, 5), NOW);
    expect(caseRow()).toMatchObject({ status: 'ptp', next_action_at: '2026-12-09T02:00:00.000Z' });
    applyChange(db, caseChange({ status: 'plan' }, 20), NOW);
    expect(caseRow()).toMatchObject({ status: 'plan', next_action_at: '2026-12-09T02:00:00.000Z' });
  });

  it('never clears a do-not-contact or dispute flag by a concurrent unset; a clear that saw the raise does, in any order', () => {
    const raise = caseChange({ flags: '["dispute","do_not_contact"]', flag_raised: { dispute: hlc(10), do_not_contact: hlc(10) }, flag_cleared: {} }, 10);
    // another station, which had not seen the raise, writes its own list later
    const blind = caseChange({ flags: '["complaint"]', flag_raised: { complaint: hlc(20) }, flag_cleared: {} }, 20);
    // a lead who saw the raise clears the dispute
    const clear = caseChange({ flags: '["complaint","do_not_contact"]', flag_raised: {}, flag_cleared: { dispute: hlc(10) } }, 30);
    const flagsAfter = (order: ChangeRecord[]): string[] => {
      db.prepare(`DELETE FROM hub_field_clock`).run();
      db.prepare(`DELETE FROM hub_applied`).run();
      db.prepare(`UPDATE cases SET flags = '[]'`).run();
      for (const c of order) applyChange(db, c, NOW);
      return JSON.parse(caseRow().flags) as string[];
    };
    expect(flagsAfter([raise, blind])).toEqual(['complaint', 'dispute', 'do_not_contact']);
    expect(flagsAfter([blind, raise])).toEqual(['complaint', 'dispute', 'do_not_contact']);
    for (const order of [[raise, blind, clear], [clear, blind, raise], [blind, clear, raise]]) expect(flagsAfter(order)).toEqual(['complaint', 'do_not_contact']);
  });

  it('keeps a change of an entity it does not know, as it came, and writes no table for it', () => {
    const c: ChangeRecord = { ...caseChange({ anything: 1 }, 1), entity: 'users; DROP TABLE cases' as string };
    expect(applyChange(db, c, NOW)).toBe('kept');
    expect(JSON.parse(db.prepare('SELECT body FROM hub_parked WHERE change_id = ?').pluck().get(c.changeId) as string)).toEqual(c);
    expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);
  });

  it('ignores columns the schema map does not name (they are never put into SQL)', () => {
    expect(applyChange(db, caseChange({ status: 'working', 'id = id; --': 'x', sync_secret_enc: 'x' }, 1), NOW)).toBe('applied');
    expect(caseRow().status).toBe('working');
  });

  it('parks an activity whose case is not here yet and applies it when the case arrives', () => {
    const otherCase = uuidv7();
    const debtorId = db.prepare('SELECT debtor_id FROM cases').pluck().get() as string;
    const act: ChangeRecord = {
      changeId: uuidv7(), entity: 'activity', id: uuidv7(), op: 'upsert', hlc: hlc(3), station: uuidv7(), user: userId, schemaVersion: 13, routeKey: otherCase,
      fields: { case_id: otherCase, debtor_id: debtorId, collector_id: userId, channel: 'call', party: 'none', started_at: NOW, recorded_at: NOW, result_code: 'NO_ANSWER', created_by: userId },
    };
    expect(db.transaction(() => applyChange(db, act, NOW))()).toBe('waiting');
    const row = db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId) as Record<string, unknown>;
    db.prepare('INSERT INTO cases (id, client_id, batch_id, debtor_id, case_no, placed_amount_fen, balance_fen, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, 1, 1, ?, ?, ?)').run(
      otherCase, row.client_id, row.batch_id, debtorId, 'C2', NOW, userId, NOW,
    );
    expect(retryWaiting(db, NOW)).toBe(1);
    expect(db.prepare('SELECT count(*) FROM activities WHERE case_id = ?').pluck().get(otherCase)).toBe(1);
    expect(db.prepare('SELECT count(*) FROM hub_parked').pluck().get()).toBe(0);
  });
});

describe('write path', () => {
  it('a store with no hub writes no change records', () => {
    expect(recordChange(db, { entity: 'case', id: caseId, userId, now: NOW })).toBe(0);
    expect(db.prepare('SELECT count(*) FROM hub_outbox').pluck().get()).toBe(0);
  });

  it('a station records the changed fields with its clock, and wipes a reassigned case only once the hub holds all its changes', () => {
    const stationId = uuidv7();
    saveStation(db, { stationId, stationName: 'pc', privateKey: 'k', publicKey: 'p', hubUrl: 'https://127.0.0.1:1', fingerprint: 'AA', agencyId: uuidv7(), replica: 'partial', users: [userId], keys: [] }, NOW);
    expect(recordChange(db, { entity: 'case', id: caseId, fields: ['status', 'flags'], userId, now: NOW })).toBe(1);
    const out = db.prepare('SELECT entity, row_id, route_key, fields FROM hub_outbox').get() as Record<string, string>;
    expect(out).toMatchObject({ entity: 'case', row_id: caseId, route_key: caseId });
    expect(Object.keys(JSON.parse(out.fields!) as object)).toEqual(['status', 'flags', 'flag_raised', 'flag_cleared']);
    db.prepare('INSERT INTO hub_wipes (case_id, seq, queued_at) VALUES (?, 7, ?)').run(caseId, NOW);
    expect(runQueuedWipes(db, NOW)).toEqual([0, 1]);
    expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);
    db.prepare('DELETE FROM hub_outbox').run();
    expect(runQueuedWipes(db, NOW)).toEqual([1, 0]);
    expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM debtors').pluck().get()).toBe(0);
    expect(db.prepare(`SELECT details FROM audit_events WHERE action = 'hub.case_wipe'`).pluck().get()).toBe('{"reason":"reassigned"}');
  });
});
