import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskIdNumber, maskName, maskPhone } from '../../shared/domain/masking';
import { openDatabase } from '../../electron/core/db/open';
import { runCliInProcess, ROOT } from '../helpers/cli';
import { fixture } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';

/** `case show`: one case as its screen shows it, through the command line, on a real encrypted database. */
const tmp = makeTempDir();
const data = join(tmp.dir, 'data');
const env = { COLLECTDESK_PASSPHRASE: 'correct horse battery staple', COLLECTDESK_PASSWORD: 'password-123' };
const cli = (...args: string[]) => runCliInProcess([...args, '--data', data], env);
const json = (...args: string[]) => cli(...args, '--json');
const rows = new TextDecoder('gbk').decode(readFileSync(fixture('bank-a', 'placement-2026-11.csv'))).trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
const CASE = 'A261100000095';
const row = rows.find((r) => r[0] === CASE)!;
const [name, idNumber, mobile] = [row[1]!, row[3]!, row[4]!];
let holder = '';
let other = '';

async function auditRows(action: string) {
  const { db } = await openDatabase({ dataDir: data, secret: { passphrase: env.COLLECTDESK_PASSPHRASE } });
  try {
    return db.prepare('SELECT a.via, u.name AS actor, a.entity_id AS entityId, a.details FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id WHERE a.action = ? ORDER BY a.seq').all(action) as { via: string; actor: string; entityId: string; details: string }[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  for (const args of [
    ['init', '--admin', 'boss'],
    ['user', 'add', '--name', 'zhang', '--role', 'collector'],
    ['user', 'add', '--name', 'li', '--role', 'collector'],
    ['client', 'add', '--profile', join(ROOT, 'resources/profiles/bank-a.json')],
    ['import', 'placement', '--client', 'bank-a', fixture('bank-a', 'placement-2026-11.csv')],
    ['import', 'payments', '--client', 'bank-a', fixture('bank-a', 'payments-2026-11-20.csv')],
    ['assign', '--client', 'bank-a', '--to', 'zhang,li'],
  ]) {
    const r = await json(...args);
    expect(r.code, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
  }
  holder = ((await json('case', 'show', '--client', 'bank-a', '--case', CASE)).json.case as { assignedTo: string }).assignedTo;
  other = holder === 'zhang' ? 'li' : 'zhang';
  const call = ['activity', 'add', '--client', 'bank-a', '--case', CASE, '--as', holder, '--channel', 'call', '--phone', mobile];
  for (const args of [
    [...call, '--party', 'none', '--at', '2026-11-24T10:00:00+08:00', '--result', 'NO_ANSWER'],
    [...call, '--party', 'debtor', '--at', '2026-11-24T11:00:00+08:00', '--result', 'PTP', '--ptp-amount', '1500.00', '--ptp-date', '2026-11-30', '--confirm', 'CN-ID,CN-RPC,CN-R1,US-MM', '--notes', '本人承诺月底前还款'],
  ]) {
    const r = await json(...args);
    expect(r.code, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
  }
});
afterAll(() => tmp.cleanup());

describe('case show', () => {
  it('gives the case as its screen shows it, personal data masked, its history newest first', async () => {
    const r = await json('case', 'show', '--client', 'bank-a', '--case', CASE);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({
      ok: true,
      case: {
        caseNo: CASE, client: 'bank-a', status: expect.any(String), stage: row[14], placedFen: Math.round(Number(row[12]) * 100), balanceFen: expect.any(Number),
        overdueDays: Number(row[13]), assignedTo: holder, unmasked: false,
        debtor: { name: maskName(name), idNumber: maskIdNumber(idNumber), mobile: maskPhone(mobile) },
      },
      promises: [{ amountFen: 150000, dueDate: '2026-11-30', status: 'pending' }],
      payments: [{ paidAt: '2026-11-07', amountFen: 166604, txnRef: 'TXN2611000000' }],
    });
    const activities = r.json.activities as { resultCode: string; phone: string; collector: string; notes: string | null }[];
    expect(activities.map((a) => a.resultCode)).toEqual(['PTP', 'NO_ANSWER']);
    expect(activities[0]).toMatchObject({ phone: maskPhone(mobile), notes: '本人承诺月底前还款' });
    expect((r.json.contacts as { relation: string; phone: string }[]).find((c) => c.relation === 'self')).toMatchObject({ name: maskName(name), phone: maskPhone(mobile) });
    for (const v of [name, idNumber, mobile]) expect(r.stdout + r.stderr).not.toContain(v);
    expect(await auditRows('pii.unmask')).toEqual([]);
  });

  it('shows it in the clear with --unmask, each field audited as the screen’s unmasking is', async () => {
    const r = await json('case', 'show', '--client', 'bank-a', '--case', CASE, '--unmask', '--as', holder);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ case: { unmasked: true, debtor: { name, idNumber, mobile } } });
    const contacts = r.json.contacts as { id: string; relation: string; name: string; phone: string }[];
    expect(contacts.find((c) => c.relation === 'self')).toMatchObject({ name, phone: mobile });
    expect((r.json.activities as { phone: string }[]).map((a) => a.phone)).toEqual([mobile, mobile]);
    const audited = await auditRows('pii.unmask');
    expect(audited.map((a) => (JSON.parse(a.details) as { field: string }).field).sort()).toEqual(['address', 'debtorName', 'idNumber', 'mobile', ...contacts.map(() => 'contactPhone')].sort());
    expect(new Set(audited.map((a) => `${a.via} ${a.actor}`))).toEqual(new Set([`cli ${holder}`]));
    for (const a of audited) for (const v of [name, idNumber, mobile]) expect(a.details).not.toContain(v);
  });

  it('answers not_found for a case the user may not see, exactly as for one the store does not hold', async () => {
    const theirs = await json('case', 'show', '--client', 'bank-a', '--case', CASE, '--as', other);
    const none = await json('case', 'show', '--client', 'bank-a', '--case', 'A269999999999', '--as', other);
    expect(theirs.code).toBe(1);
    expect(none.code).toBe(1);
    expect(theirs.json).toMatchObject({ ok: false, error: { code: 'not_found', message: `There is no case ${CASE} of bank-a among the cases you may see.` } });
    expect(none.json).toMatchObject({ ok: false, error: { code: 'not_found', message: 'There is no case A269999999999 of bank-a among the cases you may see.' } });
    expect(theirs.stdout).not.toContain(maskName(name)!);
  });

  it('prints a readable summary without --json, and refuses a call without --case as bad usage', async () => {
    const r = await cli('case', 'show', '--client', 'bank-a', '--case', CASE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Case ${CASE} — `);
    expect(r.stdout).toContain(`Debtor ${maskName(name)}: ID ${maskIdNumber(idNumber)}, mobile ${maskPhone(mobile)}`);
    expect(r.stdout).toMatch(/Activities, newest first \(2\):\n {2}\S+ call debtor PTP by .+: 本人承诺月底前还款\n {2}\S+ call none NO_ANSWER/);
    expect(r.stdout).toContain('Promises (1):\n  2026-11-30 1,500.00 — pending');
    expect(r.stdout).toContain('Payments (1):\n  2026-11-07 1,666.04 (TXN2611000000)');
    for (const v of [name, idNumber, mobile]) expect(r.stdout).not.toContain(v);
    expect((await cli('case', 'show', '--client', 'bank-a')).code).toBe(2);
  });
});
