import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixture } from '../../../test/helpers/fixtures';
import { setupWithClients } from '../../../test/helpers/import';

/** bank-a's placement file read independently of the importer: GBK, one header row, no quoted fields. */
function bankARows(): string[][] {
  const text = new TextDecoder('gbk').decode(readFileSync(fixture('bank-a', 'placement-2026-11.csv')));
  return text.trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
}
const toFen = (yuan: string): number => Math.round(Number(yuan) * 100);

describe('placement import (bank-a, GBK CSV)', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  beforeEach(async () => (env = await setupWithClients()));
  afterEach(() => env.cleanup());

  it('creates the batch, debtors, contact persons and cases, with amounts in fen', async () => {
    const s = await env.run('placement', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'));
    const rows = bankARows();
    expect(s).toMatchObject({ kind: 'placement', client: 'bank-a', file: 'placement-2026-11.csv', rows: 200, accepted: 200, inserted: 200, updated: 0, unchanged: 0, rejected: [] });
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    const batch = env.db.prepare('SELECT * FROM batches WHERE id = ?').get(s.batchId) as Record<string, unknown>;
    expect(batch).toMatchObject({ file_name: 'placement-2026-11.csv', sha256: s.sha256, placed_at: '2026-11-01', due_back_at: '2027-01-31', hand: 1, case_count: 200, status: 'active' });
    expect(batch.placed_total_fen).toBe(rows.reduce((sum, r) => sum + toFen(r[12] ?? '0'), 0));

    const first = rows[0]!;
    const c = env.db.prepare(`SELECT c.*, d.name, d.id_number, d.gender, d.birth_date, d.mobile FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE case_no = ?`).get(first[0]) as Record<string, unknown>;
    expect(c).toMatchObject({
      name: first[1], id_number: first[3], mobile: first[4], account_masked: first[7], currency: 'CNY',
      principal_fen: toFen(first[9]!), interest_fen: toFen(first[10]!), fees_fen: toFen(first[11]!),
      placed_amount_fen: toFen(first[12]!), balance_fen: toFen(first[12]!), overdue_days: Number(first[13]), stage: first[14], status: 'new', assigned_to: null,
      gender: Number(first[3]![16]) % 2 === 1 ? 'M' : 'F', birth_date: `${first[3]!.slice(6, 10)}-${first[3]!.slice(10, 12)}-${first[3]!.slice(12, 14)}`,
    });
    // Contact persons: the debtor's own mobile plus every named contact the bank sent.
    const expectedContacts = rows.reduce((n, r) => n + 1 + [21, 24, 27].filter((i) => (r[i] ?? '') !== '').length, 0);
    expect(env.count('contact_persons')).toBe(expectedContacts);
    const rel = env.db.prepare(`SELECT relation, count(*) AS n FROM contact_persons GROUP BY relation`).all() as { relation: string; n: number }[];
    expect(rel.map((r) => r.relation).sort()).toEqual(expect.arrayContaining(['self', 'parent', 'sibling', 'spouse', 'colleague', 'friend', 'other']));
  });

  it('refuses the same file twice for the same client, and takes it as its own batch for another client', async () => {
    const file = fixture('bank-a', 'placement-2026-11.csv');
    await env.run('placement', 'bank-a', file);
    await expect(env.run('placement', 'bank-a', file)).rejects.toMatchObject({ code: 'already_imported', message: expect.stringMatching(/placement-2026-11\.csv was already imported for bank-a on \d{4}-\d{2}-\d{2} \(same SHA-256\)/) });
    const { addClient } = await import('../clients/clients');
    const { shippedProfile } = await import('../../../test/helpers/fixtures');
    addClient(env.db, env.actor, shippedProfile('bank-a', 'bank-a2'), env.now);
    const other = await env.run('placement', 'bank-a2', file);
    expect(other).toMatchObject({ inserted: 200 });
    expect(env.count('cases')).toBe(400);
    expect(env.count('debtors')).toBe(400); // debtors are never shared across clients
  });

  it('takes a file again when none of its rows was taken (a profile being fixed), and leaves no empty batch', async () => {
    const { addClient, updateClient } = await import('../clients/clients');
    const { shippedProfile } = await import('../../../test/helpers/fixtures');
    const good = shippedProfile('bank-a', 'bank-x');
    // A first profile that reads the ID number from the wrong column: no row has a valid ID number.
    addClient(env.db, env.actor, { ...good, placement: { ...good.placement, columns: { ...good.placement.columns, idNumber: '手机号码' } } }, env.now);
    const file = fixture('bank-a', 'placement-2026-11.csv');
    const first = await env.run('placement', 'bank-x', file);
    expect(first).toMatchObject({ rows: 200, accepted: 0, batchId: null });
    expect(first.rejected).toHaveLength(200);
    expect(env.count('batches')).toBe(0);
    expect(env.db.prepare('SELECT rows, accepted, rejected FROM import_files').get()).toEqual({ rows: 200, accepted: 0, rejected: 200 });

    updateClient(env.db, env.actor, good, env.now);
    const second = await env.run('placement', 'bank-x', file);
    expect(second).toMatchObject({ accepted: 200, inserted: 200, rejected: [] });
    expect(env.db.prepare('SELECT count(*) AS files, sum(accepted) AS accepted FROM import_files').get()).toEqual({ files: 1, accepted: 200 });
    expect(env.count('import_rejects')).toBe(0);
    expect(env.count('batches')).toBe(1);
    await expect(env.run('placement', 'bank-x', file)).rejects.toMatchObject({ code: 'already_imported' });
  });

  it('follows expected.json for mixed-rows.csv: six rows rejected with row, field and code; the rest accepted after normalising', async () => {
    const expected = JSON.parse(readFileSync(fixture('bad', 'expected.json'), 'utf8')) as { accepted: number; dataRows: number; rejected: { row: number; caseNo: string; field: string; code: string }[] };
    const s = await env.run('placement', 'bank-a', fixture('bad', 'mixed-rows.csv'));
    expect(s.rows).toBe(expected.dataRows);
    expect(s.accepted).toBe(expected.accepted);
    expect(s.rejected.map(({ row, caseNo, field, code }) => ({ row, caseNo, field, code }))).toEqual(expected.rejected);
    for (const r of s.rejected) expect(r.message).toMatch(new RegExp(`^Row ${r.row}: ${r.field} `));
    const get = (caseNo: string) => env.db.prepare('SELECT c.*, d.name, d.mobile FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE case_no = ?').get(caseNo) as Record<string, unknown>;
    expect(get('MIXBAD00000107').name).toBe("=CMD|' /C calc'!A0");
    expect(get('MIXBAD00000108').placed_amount_fen).toBe(1234567);
    expect(get('MIXBAD00000109')).toMatchObject({ mobile: '13800138000', name: '毛然宇' }); // was "  毛然宇  " and "+86 138-0013-8000"
    expect((get('MIXBAD00000110').remarks as string).length).toBe(9000);
    expect(env.db.prepare('SELECT count(*) AS n FROM import_rejects').get()).toEqual({ n: 6 });
  });

  it.each([
    ['empty.csv', /empty\.csv: the file is empty/],
    ['header-only.csv', /header-only\.csv: the file has a header but no data rows/],
    ['missing-column.csv', /missing-column\.csv: required column missing: 证件号码 \(idNumber\)\. Row 1, the closest to a header, has: 案件编号, 客户姓名, /],
  ])('refuses %s whole, naming the file and what is wrong, and imports nothing', async (name, message) => {
    await expect(env.run('placement', 'bank-a', fixture('bad', name))).rejects.toMatchObject({ code: 'unreadable_file', message: expect.stringMatching(message) });
    for (const t of ['import_files', 'batches', 'cases', 'debtors', 'contact_persons']) expect(env.count(t), t).toBe(0);
  });

  it('refuses a file that is not a workbook through the bank-b profile', async () => {
    await expect(env.run('placement', 'bank-b', fixture('bad', 'not-a-workbook.xlsx'))).rejects.toMatchObject({ code: 'unreadable_file', message: expect.stringMatching(/not-a-workbook\.xlsx: is not an Excel workbook/) });
    expect(env.count('batches')).toBe(0);
  });

  it('refuses a collector', async () => {
    await expect(
      (await import('./import-file')).importFile(env.db, { kind: 'placement', clientCode: 'bank-a', file: fixture('bank-a', 'placement-2026-11.csv'), actor: { ...env.actor, role: 'collector' }, now: env.now }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('placement import (bank-b, XLSX with title rows)', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  beforeEach(async () => (env = await setupWithClients()));
  afterEach(() => env.cleanup());

  it('finds the header below the title rows and maps text amounts, periods, Excel dates and the contacts cell', async () => {
    const s = await env.run('placement', 'bank-b', fixture('bank-b', 'placement-2026-11.xlsx'));
    expect(s).toMatchObject({ rows: 150, accepted: 150, inserted: 150, rejected: [] });
    expect(env.db.prepare('SELECT batch_no, placed_at, due_back_at, hand, case_count FROM batches').get()).toEqual({
      batch_no: '2026年11月', placed_at: '2026-11-03', due_back_at: '2027-02-03', hand: 1, case_count: 150,
    });
    const one = env.db.prepare("SELECT c.*, d.name, d.id_type FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE case_no = 'HT-B-00000001'").get() as Record<string, unknown>;
    expect(one).toMatchObject({ name: '钟强嘉', placed_amount_fen: 12250088, principal_fen: 11443303, stage: 'M3', product: '消费贷', id_type: '身份证', account_masked: null, overdue_days: null, interest_fen: null });
    const two = env.db.prepare("SELECT placed_amount_fen, stage FROM cases WHERE case_no = 'HT-B-00000002'").get();
    expect(two).toEqual({ placed_amount_fen: 8945178, stage: 'M6' });
    const contacts = env.db.prepare("SELECT cp.relation, cp.name, cp.phone FROM contact_persons cp JOIN cases c ON c.debtor_id = cp.debtor_id WHERE c.case_no = 'HT-B-00000002' ORDER BY cp.rowid").all();
    expect(contacts).toEqual([
      { relation: 'self', name: '贾平欣', phone: '18666061807' },
      { relation: 'other', name: '龚华强', phone: '18661647212' },
      { relation: 'friend', name: '史杰燕', phone: '18670340546' },
      { relation: 'parent', name: '蔡超英', phone: '13958390304' },
    ]);
  });
});
