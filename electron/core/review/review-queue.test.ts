import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/domain/ids';
import { assignCases } from '../assignment/assign';
import { manualClock, value } from '../../../test/helpers/core';
import { fixture } from '../../../test/helpers/fixtures';
import { setupWithClients } from '../../../test/helpers/import';
import { rescreenNotes } from './rescreen';

/** A borderline note (the debtor's own question about paying a company account): a warn, not a block. */
const BORDERLINE = '客户问能否还到我们公司账户';

describe('the review queue (质检)', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  let caseId: string;
  let self: string;
  const ids: Record<string, string> = {};
  const signIn = async (name: string, password: string) => {
    await env.app.dispatch('auth.signOut', {});
    value(await env.app.dispatch('auth.signIn', { name, password }));
  };
  const record = (notes: string, reason?: string) =>
    env.app.dispatch('activity.record', { caseId, contactId: self, channel: 'call', party: 'debtor', resultCode: 'REFUSED', confirmations: ['CN-ID', 'CN-RPC', 'CN-R1'], notes, reason });
  const audits = (action: string) => env.db.prepare('SELECT entity, entity_id AS entityId, details FROM audit_events WHERE action = ?').all(action) as { entity: string; entityId: string; details: string }[];

  beforeEach(async () => {
    env = await setupWithClients(manualClock('2026-11-24T02:00:00.000Z'));
    await env.run('placement', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'));
    ids.zhang = value(await env.app.dispatch('users.add', { name: 'zhang', displayName: '张三', role: 'collector', password: 'collector-pass' })).id;
    ids.lead = value(await env.app.dispatch('users.add', { name: 'lead', displayName: '王组长', role: 'lead', password: 'lead-password' })).id;
    assignCases(env.db, env.actor, { clientCode: 'bank-a', to: ['zhang'] }, env.now);
    caseId = (env.db.prepare("SELECT id FROM cases WHERE case_no = 'A261100000001'").get() as { id: string }).id;
    await signIn('zhang', 'collector-pass');
    self = value(await env.app.dispatch('case.get', { caseId })).contacts[0]!.id;
  });
  afterEach(() => env.cleanup());

  it('queues a note saved with a screening warn (with the reason), and not a clean or blocked one', async () => {
    expect(await record(BORDERLINE)).toMatchObject({ ok: false, error: { code: 'compliance', details: { allowed: true } } });
    expect(await record('跟他说再不还就让他好看', '客户同意')).toMatchObject({ ok: false, error: { code: 'compliance', details: { allowed: false } } });
    value(await record('本人称下周还款'));
    const saved = value(await record(BORDERLINE, '客户自己提问，已告知只能还到银行'));
    const rows = env.db.prepare('SELECT activity_id AS activityId, rule, category, kind, match_text AS m, match_start AS s, match_end AS e, found_by AS foundBy, status FROM review_items').all();
    expect(rows).toEqual([{ activityId: saved.activityId, rule: 'CN-PAY', category: 'nonBankPayment', kind: 'warn', m: '还到我们公司账户', s: 5, e: 13, foundBy: 'record', status: 'open' }]);
    expect(BORDERLINE.slice(5, 13)).toBe('还到我们公司账户');
  });

  it('lets a lead accept or mark as a violation with a comment, audited; a collector may neither read nor decide', async () => {
    value(await record(BORDERLINE, '客户自己提问'));
    value(await record('客户称家人会帮忙还款，已提醒其通知家人', '客户主动提出'));
    expect(await env.app.dispatch('review.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const anyId = (env.db.prepare('SELECT id FROM review_items LIMIT 1').get() as { id: string }).id;
    expect(await env.app.dispatch('review.decide', { itemId: anyId, decision: 'accept' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await signIn('lead', 'lead-password');
    const open = value(await env.app.dispatch('review.list', {}));
    expect(open).toHaveLength(2);
    const pay = open.find((r) => r.category === 'nonBankPayment')!;
    expect(pay).toMatchObject({ caseId, caseNo: 'A261100000001', clientCode: 'bank-a', collector: '张三', notes: BORDERLINE, match: '还到我们公司账户', start: 5, end: 13, reason: '客户自己提问', status: 'open', foundBy: 'record', pack: expect.stringMatching(/^cn-2026@/) });
    const exposure = open.find((r) => r.category === 'exposure')!;

    expect(await env.app.dispatch('review.decide', { itemId: pay.id, decision: 'violation', comment: ' ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'comment' } } });
    expect(value(await env.app.dispatch('review.decide', { itemId: pay.id, decision: 'violation', comment: '引导向公司账户还款，已约谈' }))).toEqual({ status: 'violation' });
    expect(value(await env.app.dispatch('review.decide', { itemId: exposure.id, decision: 'accept' }))).toEqual({ status: 'accepted' });
    expect(await env.app.dispatch('review.decide', { itemId: pay.id, decision: 'accept' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect(value(await env.app.dispatch('review.list', {}))).toEqual([]);
    const decided = value(await env.app.dispatch('review.list', { status: 'decided' }));
    expect(decided.map((r) => [r.category, r.status, r.decidedBy, r.comment])).toEqual(
      expect.arrayContaining([['nonBankPayment', 'violation', '王组长', '引导向公司账户还款，已约谈'], ['exposure', 'accepted', '王组长', null]]),
    );
    expect(value(await env.app.dispatch('review.list', { status: 'violation' })).map((r) => r.id)).toEqual([pay.id]);
    expect(audits('review.violation')).toEqual([{ entity: 'review_item', entityId: pay.id, details: expect.stringContaining('"category":"nonBankPayment"') }]);
    expect(audits('review.accept').map((a) => a.entityId)).toEqual([exposure.id]);
    // The note is evidence: untouched.
    expect(env.db.prepare('SELECT notes FROM activities WHERE id = ?').get(pay.activityId)).toEqual({ notes: BORDERLINE });
  });

  it('re-screens past notes with the current pack: new findings are queued once, nothing is changed', async () => {
    value(await record(BORDERLINE, '客户自己提问'));
    // A note recorded before the pack knew this phrase (written straight to the store, as an older version would have).
    const old = uuidv7();
    const c = env.db.prepare('SELECT debtor_id FROM cases WHERE id = ?').get(caseId) as { debtor_id: string };
    env.db
      .prepare(`INSERT INTO activities (id, case_id, debtor_id, collector_id, channel, party, started_at, recorded_at, result_code, notes, created_by) VALUES (?, ?, ?, ?, 'call', 'debtor', ?, ?, 'REFUSED', ?, ?)`)
      .run(old, caseId, c.debtor_id, ids.zhang, '2026-11-20T03:00:00.000Z', '2026-11-20T03:05:00.000Z', '跟他说再不还就让他好看', ids.zhang);
    const before = env.db.prepare('SELECT id, notes, verdicts, override_reason FROM activities ORDER BY id').all();
    const lead = { id: ids.lead!, role: 'lead' as const, via: 'cli' as const };

    const first = rescreenNotes(env.db, lead, { clientCode: 'bank-a' }, env.now);
    expect(first).toMatchObject({ client: 'bank-a', screened: 2, flagged: 2, added: 1, alreadyQueued: 1 });
    expect(first.findings.find((f) => f.added)).toMatchObject({ activityId: old, rule: 'CN-P', category: 'threat', kind: 'block', match: '再不还就让他好看' });
    const again = rescreenNotes(env.db, lead, { clientCode: 'bank-a' }, env.now);
    expect(again).toMatchObject({ screened: 2, added: 0, alreadyQueued: 2 });
    expect(env.db.prepare('SELECT count(*) AS n FROM review_items').get()).toEqual({ n: 2 });
    expect(env.db.prepare("SELECT found_by AS f FROM review_items WHERE activity_id = ?").get(old)).toEqual({ f: 'rescreen' });
    expect(env.db.prepare('SELECT id, notes, verdicts, override_reason FROM activities ORDER BY id').all()).toEqual(before);
    expect(audits('notes.rescreen')).toHaveLength(2);

    // A period in the client's zone: only 2026-11-20 (the old note).
    expect(rescreenNotes(env.db, lead, { clientCode: 'bank-a', from: '2026-11-20', to: '2026-11-20' }, env.now)).toMatchObject({ screened: 1 });
    expect(() => rescreenNotes(env.db, lead, { clientCode: 'bank-a', from: '2026-11-31x' }, env.now)).toThrow(/--from must be a date/);
    expect(() => rescreenNotes(env.db, { ...lead, role: 'collector' }, { clientCode: 'bank-a' }, env.now)).toThrow(/team lead/);
  });
});
