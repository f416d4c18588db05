import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setContactStatus } from '../../electron/core/contact/contact-persons';
import { openDatabase } from '../../electron/core/db/open';
import { runCliInProcess, ROOT } from '../helpers/cli';
import { fixture } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';

/** A compliance scenario run end to end through the command line, on a real encrypted database. */
const tmp = makeTempDir();
const data = join(tmp.dir, 'data');
const env = { COLLECTDESK_PASSPHRASE: 'correct horse battery staple', COLLECTDESK_PASSWORD: 'password-123' };
const cli = (...args: string[]) => runCliInProcess([...args, '--data', data, '--json'], env);
const rows = new TextDecoder('gbk').decode(readFileSync(fixture('bank-a', 'placement-2026-11.csv'))).trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
const byCase = (caseNo: string) => rows.find((r) => r[0] === caseNo)!;
const ALL = ['--confirm', 'CN-ID,CN-RPC,CN-R1'];

function contact(caseNo: string, extra: string[]) {
  return ['--client', 'bank-a', '--case', caseNo, '--channel', 'call', ...extra];
}

beforeAll(async () => {
  for (const args of [
    ['init', '--admin', 'boss'],
    ['user', 'add', '--name', 'zhang', '--role', 'collector'],
    ['user', 'add', '--name', 'li', '--role', 'collector'],
    ['client', 'add', '--profile', join(ROOT, 'resources/profiles/bank-a.json')],
    ['import', 'placement', '--client', 'bank-a', fixture('bank-a', 'placement-2026-11.csv')],
    ['import', 'recalls', '--client', 'bank-a', fixture('bank-a', 'recall-2026-11-25.csv')],
    ['assign', '--client', 'bank-a', '--to', 'zhang,li'],
  ]) {
    const r = await cli(...args);
    expect(r.code, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
  }
});
afterAll(() => tmp.cleanup());

describe('assign', () => {
  it('split the workable cases evenly by count and amount (recalled cases stay unassigned)', async () => {
    const r = await cli('assign', '--client', 'bank-a', '--to', 'zhang,li');
    expect(r.json).toMatchObject({ ok: true, assigned: 0 });
  });
});

describe('check-contact and activity add through the CLI', () => {
  const a = byCase('A261100000003');
  const mobile = a[4]!;

  it('refuses a call at 22:00 in the debtor’s zone, says when it is next allowed, and allows 21:59', async () => {
    const late = await cli('check-contact', ...contact(a[0]!, ['--party', 'debtor', '--phone', mobile, '--at', '2026-11-24T22:00:00+08:00']));
    expect(late.code).toBe(0);
    expect(late.json).toMatchObject({ ok: true, allowed: false, verdicts: expect.arrayContaining([{ rule: 'CN-T1', kind: 'block', message: expect.any(String), messages: expect.any(Object), nextAllowedAt: '2026-11-25T08:00:00+08:00' }]) });
    const ok = await cli('check-contact', ...contact(a[0]!, ['--party', 'debtor', '--phone', mobile, '--at', '2026-11-24T13:59:00Z']));
    expect(ok.json).toMatchObject({ allowed: true });
    const record = await cli('activity', 'add', ...contact(a[0]!, ['--party', 'none', '--phone', mobile, '--at', '2026-11-24T22:00:00+08:00', '--result', 'NO_ANSWER']));
    expect(record.code).toBe(1);
    expect(record.json).toMatchObject({ ok: false, allowed: false, error: { code: 'compliance' }, verdicts: [{ rule: 'CN-T1', kind: 'block' }] });
  });

  it('refuses a number that is not the case’s, without printing it whole', async () => {
    const other = byCase('A261100000004')[4]!;
    const r = await cli('check-contact', ...contact(a[0]!, ['--party', 'debtor', '--phone', other, '--at', '2026-11-24T13:00:00Z']));
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'not_found', message: `${other.slice(0, 3)}****${other.slice(-4)} is not a contact number of case ${a[0]}.` } });
    expect(r.stdout + r.stderr).not.toContain(other);
  });

  it('records six attempts to one number in a day and refuses the seventh', async () => {
    for (let i = 0; i < 6; i++) {
      const r = await cli('activity', 'add', ...contact(a[0]!, ['--party', 'none', '--phone', mobile, '--at', `2026-11-25T09:0${i}:00+08:00`, '--result', 'NO_ANSWER']));
      expect(r.code, r.stdout).toBe(0);
    }
    const seventh = await cli('activity', 'add', ...contact(a[0]!, ['--party', 'none', '--phone', mobile, '--at', '2026-11-25T09:30:00+08:00', '--result', 'NO_ANSWER']));
    expect(seventh.code).toBe(1);
    expect(seventh.json).toMatchObject({ allowed: false, verdicts: [{ rule: 'CN-F1', nextAllowedAt: '2026-11-26T08:00:00+08:00' }] });
  });

  it('refuses a connected call with the debtor until the disclosures are confirmed, and ignores confirmations nobody asked for', async () => {
    const b = byCase('A261100000004');
    const bare = await cli('activity', 'add', ...contact(b[0]!, ['--party', 'debtor', '--phone', b[4]!, '--at', '2026-11-24T10:00:00+08:00', '--result', 'REFUSED']));
    expect(bare.code).toBe(1);
    expect(bare.json).toMatchObject({ allowed: true, error: { code: 'compliance' } });
    expect((bare.json.verdicts as { rule: string; met: boolean }[]).map((v) => [v.rule, v.met])).toEqual([['CN-ID', false], ['CN-RPC', false], ['CN-R1', false]]);
    const done = await cli('activity', 'add', ...contact(b[0]!, ['--party', 'debtor', '--phone', b[4]!, '--at', '2026-11-24T10:00:00+08:00', '--result', 'PTP', '--ptp-amount', '1500.00', '--ptp-date', '2026-11-30', '--confirm', 'CN-ID,CN-RPC,CN-R1,US-MM', '--recording', 'REC-1']));
    expect(done.code, done.stdout).toBe(0);
    expect(done.json).toMatchObject({ ok: true, activityId: expect.any(String), promiseId: expect.any(String) });
  });

  it('refuses a promise made with a related party', async () => {
    const c = byCase('A261100000005');
    const related = c[21]!;
    const r = await cli('activity', 'add', ...contact(c[0]!, ['--party', 'related', '--phone', related, '--at', '2026-11-24T10:00:00+08:00', '--result', 'PTP', '--ptp-amount', '100', '--ptp-date', '2026-11-30', '--confirm', 'CN-ID,CN-R1']));
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ allowed: false, verdicts: expect.arrayContaining([expect.objectContaining({ rule: 'CN-3P', kind: 'block' })]) });
  });

  it('records a warn with its reason when a third party is called before any of the debtor’s own numbers', async () => {
    const c = byCase('A261100000006');
    const r = await cli('activity', 'add', ...contact(c[0]!, ['--party', 'related', '--phone', c[21]!, '--at', '2026-11-24T10:00:00+08:00', '--result', 'LEFT_MESSAGE', '--confirm', 'CN-ID,CN-R1', '--reason', '本人号码已停机，经组长同意先联系紧急联系人']));
    expect(r.code, r.stdout).toBe(0);
    expect(r.json.verdicts).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'CN-3P', kind: 'warn' })]));
  });

  it('refuses a threatening note until it is rewritten', async () => {
    const d = byCase('A261100000007');
    const base = contact(d[0]!, ['--party', 'debtor', '--phone', d[4]!, '--at', '2026-11-24T11:00:00+08:00', '--result', 'REFUSED', ...ALL]);
    const bad = await cli('activity', 'add', ...base, '--notes', '告诉他再不还就找人上门闹事，通知他所有通讯录联系人');
    expect(bad.code).toBe(1);
    expect(bad.json).toMatchObject({ allowed: false });
    expect((bad.json.verdicts as { rule: string; kind: string }[]).filter((v) => v.kind === 'block').map((v) => v.rule)).toEqual(['CN-P']);
    const good = await cli('activity', 'add', ...base, '--notes', '本人表示本月底前通过银行App还款，已告知官方还款渠道');
    expect(good.code).toBe(0);
  });

  it('refuses any contact on a recalled case', async () => {
    const e = byCase('A261100000191');
    const check = await cli('check-contact', ...contact(e[0]!, ['--party', 'debtor', '--phone', e[4]!, '--at', '2026-11-26T10:00:00+08:00']));
    expect(check.json).toMatchObject({ allowed: false });
    expect((check.json.verdicts as { rule: string; kind: string }[]).filter((v) => v.kind === 'block').map((v) => v.rule)).toEqual(['CN-DNC']);
    const add = await cli('activity', 'add', ...contact(e[0]!, ['--party', 'none', '--phone', e[4]!, '--at', '2026-11-26T10:00:00+08:00', '--result', 'NO_ANSWER']));
    expect(add.code).toBe(1);
  });

  it('blocks a fourth conversation with the debtor in a day, across collectors', async () => {
    const f = byCase('A261100000008');
    for (let i = 0; i < 3; i++) {
      const r = await cli('activity', 'add', ...contact(f[0]!, ['--party', 'debtor', '--phone', f[4]!, '--at', `2026-11-24T1${i}:00:00+08:00`, '--result', 'CALLBACK', ...ALL]));
      expect(r.code, r.stdout).toBe(0);
    }
    const fourth = await cli('check-contact', ...contact(f[0]!, ['--party', 'debtor', '--phone', f[4]!, '--at', '2026-11-24T16:00:00+08:00']));
    expect(fourth.json).toMatchObject({ allowed: false, verdicts: expect.arrayContaining([expect.objectContaining({ rule: 'CN-F2' })]) });
  });

  it('blocks a number whose person refused contact (CN-3P), at check-contact and at activity add', async () => {
    const g = byCase('A261100000009');
    const related = g[21]!;
    const before = await cli('check-contact', ...contact(g[0]!, ['--party', 'related', '--phone', related, '--at', '2026-11-24T10:00:00+08:00']));
    expect(before.json).toMatchObject({ allowed: true });
    const { db } = await openDatabase({ dataDir: data, secret: { passphrase: env.COLLECTDESK_PASSPHRASE } });
    try {
      const boss = db.prepare("SELECT id FROM users WHERE name = 'boss'").get() as { id: string };
      const ids = db.prepare('SELECT c.id AS caseId, cp.id AS contactId FROM cases c JOIN contact_persons cp ON cp.debtor_id = c.debtor_id WHERE c.case_no = ? AND cp.phone = ?').get(g[0], related) as { caseId: string; contactId: string };
      setContactStatus(db, { id: boss.id, role: 'admin', via: 'cli' }, ids.caseId, ids.contactId, 'refuses_contact', '对方要求不要再联系', '2026-11-24T01:00:00.000Z');
    } finally {
      db.close();
    }
    const check = await cli('check-contact', ...contact(g[0]!, ['--party', 'related', '--phone', related, '--at', '2026-11-24T10:00:00+08:00']));
    expect(check.code).toBe(0);
    expect(check.json).toMatchObject({ ok: true, allowed: false, verdicts: expect.arrayContaining([expect.objectContaining({ rule: 'CN-3P', kind: 'block', message: 'This person has refused contact and must not be contacted again.' })]) });
    const add = await cli('activity', 'add', ...contact(g[0]!, ['--party', 'none', '--phone', related, '--at', '2026-11-24T10:00:00+08:00', '--result', 'NO_ANSWER']));
    expect(add.code).toBe(1);
    expect(add.json).toMatchObject({ ok: false, allowed: false, error: { code: 'compliance' } });
  });

  it('records a callback the debtor asked for (--consent-to-call) and a call the debtor made (--inbound), even at 22:30', async () => {
    const h = byCase('A261100000010');
    const consent = await cli('activity', 'add', ...contact(h[0]!, ['--party', 'debtor', '--phone', h[4]!, '--at', '2026-11-24T10:00:00+08:00', '--result', 'CALLBACK', ...ALL, '--consent-to-call']));
    expect(consent.code, consent.stdout).toBe(0);
    const inbound = await cli('activity', 'add', ...contact(h[0]!, ['--party', 'debtor', '--phone', h[4]!, '--at', '2026-11-24T22:30:00+08:00', '--result', 'REFUSED', ...ALL, '--inbound']));
    expect(inbound.code, inbound.stdout).toBe(0);
    expect(inbound.json).toMatchObject({ ok: true, allowed: true, activityId: expect.any(String) });
    const wrong = await cli('activity', 'add', ...contact(h[0]!, ['--party', 'none', '--phone', h[4]!, '--at', '2026-11-24T11:00:00+08:00', '--result', 'NO_ANSWER', '--consent-to-call']));
    expect(wrong.code).toBe(1);
    expect(wrong.json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('lets a collector reach only their own cases', async () => {
    const mine = await cli('check-contact', ...contact('A261100000001', ['--party', 'debtor', '--phone', byCase('A261100000001')[4]!, '--at', '2026-11-24T10:00:00+08:00', '--as', 'zhang']));
    const theirs = await cli('check-contact', ...contact('A261100000001', ['--party', 'debtor', '--phone', byCase('A261100000001')[4]!, '--at', '2026-11-24T10:00:00+08:00', '--as', 'li']));
    expect([mine.code, theirs.code].sort()).toEqual([0, 1]);
    expect([mine.json, theirs.json].find((j) => j.ok === false)).toMatchObject({ error: { code: 'forbidden' } });
  });
});
