import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { value } from '../../../test/helpers/core';
import { fixture } from '../../../test/helpers/fixtures';
import { setupWithClients } from '../../../test/helpers/import';
import { resolveStaged } from './staging';

describe('importing from the UI: stage, preview, import in the background, summary', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  beforeEach(async () => (env = await setupWithClients()));
  afterEach(() => env.cleanup());

  const stage = (...parts: string[]) => env.app.stageUpload(parts[parts.length - 1]!, createReadStream(fixture(...parts)));
  async function finished(jobId: string) {
    for (let i = 0; i < 200; i++) {
      const s = value(await env.app.dispatch('import.status', { jobId }));
      if (s.state !== 'running') return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  }

  it('previews the first rows as mapped and masked, writing nothing', async () => {
    const staged = await stage('bank-a', 'placement-2026-11.csv');
    expect(staged).toMatchObject({ name: 'placement-2026-11.csv', size: expect.any(Number) });
    const p = value(await env.app.dispatch('import.preview', { clientCode: 'bank-a', kind: 'placement', fileRef: staged.fileRef }));
    expect(p).toMatchObject({ file: 'placement-2026-11.csv', kind: 'placement', headerRow: 1, alreadyImportedAt: null });
    expect(p.rows).toHaveLength(20);
    expect(p.columns).toContainEqual({ field: 'caseNo', expected: '案件编号', header: '案件编号' });
    expect(p.columns).toContainEqual({ field: 'remarks', expected: '备注', header: '备注' });
    // every mapped column is found in the bank's file, the contact groups' too
    expect(p.columns.filter((c) => c.header === null)).toEqual([]);
    expect(p.columns).toContainEqual({ field: 'contacts.2.phone', expected: '联系人3电话', header: '联系人3电话' });
    expect(p.rows[0]).toMatchObject({ row: 2, caseNo: 'A261100000001', problem: null, values: { idNumber: '3701**********9048', mobile: '139****1641', placedAmount: '152,218.77', stage: 'M7+' } });
    // every field the import takes, addresses cut to their district; the contact persons as read, phones masked
    expect(p.rows[0]?.values).toMatchObject({ idType: '身份证', homeAddress: '济南市历下区…', employer: '某某餐饮管理有限公司', principal: '136,213.00', lastPaymentAt: '2026-03-06', currency: 'CNY' });
    expect(p.rows[0]?.contacts).toEqual([{ name: '薛红涵', relation: 'other', phone: '199****5293' }]);
    expect(p.rows[1]?.contacts?.map((c) => c.relation)).toEqual(['sibling', 'parent', 'parent']);
    expect(env.count('cases')).toBe(0);
  });

  it('masks the debtor’s name in the preview as the case screen does (a contact who is the debtor too), a third party’s shown as given', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const iconv = (await import('iconv-lite')).default;
    const [header, first, second] = iconv.decode(readFileSync(fixture('bank-a', 'placement-2026-11.csv')), 'gbk').split(/\r?\n/);
    // The second row names the debtor among the contact persons (本人).
    const csv = join(env.dataDir, 'self-contact.csv');
    writeFileSync(csv, iconv.encode([header, first, second!.replace(',覃芳,姐妹,', ',宋英,本人,'), ''].join('\r\n'), 'gbk'));
    const p = value(await env.app.dispatch('import.preview', { clientCode: 'bank-a', kind: 'placement', fileRef: (await env.app.stageUpload('self-contact.csv', createReadStream(csv))).fileRef }));
    expect(p.rows.map((r) => r.values.debtorName)).toEqual(['刘*雨', '宋*']);
    expect(p.rows[0]?.contacts).toEqual([{ name: '薛红涵', relation: 'other', phone: '199****5293' }]);
    expect(p.rows[1]?.contacts?.[0]).toMatchObject({ name: '宋*', relation: 'self' });
    expect(JSON.stringify(p)).not.toMatch(/刘国雨|宋英/);
  });

  it('shows a row’s problem in the preview', async () => {
    const staged = await stage('bad', 'mixed-rows.csv');
    const p = value(await env.app.dispatch('import.preview', { clientCode: 'bank-a', kind: 'placement', fileRef: staged.fileRef }));
    expect(p.rows.find((r) => r.row === 16)?.problem).toMatchObject({ field: 'idNumber', code: 'checksum' });
    // What only the rows together or the store can tell is shown too, as the import will report it — and nothing is written.
    expect(p.rows.find((r) => r.row === 19)?.problem).toMatchObject({ field: 'caseNo', code: 'duplicate_in_file' });
    expect(p.rows.filter((r) => r.problem !== null).map((r) => r.row)).toEqual([16, 17, 18, 19, 20, 21]);
    expect([env.count('cases'), env.count('batches'), env.count('import_files')]).toEqual([0, 0, 0]);
  });

  it('shows in the preview the rows the store would refuse: another name under a held ID number, an unknown case, a payment taken before', async () => {
    await env.run('placement', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'));
    await env.run('payments', 'bank-a', fixture('bank-a', 'payments-2026-11-20.csv'));
    const held = env.db.prepare("SELECT c.case_no, d.name, d.id_number FROM cases c JOIN debtors d ON d.id = c.debtor_id ORDER BY c.case_no LIMIT 1").get() as { case_no: string; name: string; id_number: string };
    const csv = join(env.dataDir, 'd2.csv');
    const { readFileSync, writeFileSync } = await import('node:fs');
    const iconv = (await import('iconv-lite')).default;
    const [header, first] = iconv.decode(readFileSync(fixture('bank-a', 'placement-2026-11.csv')), 'gbk').split(/\r?\n/);
    const cells = first!.split(',');
    cells[0] = 'NEW0001';
    cells[1] = `${held.name}X`;
    cells[3] = held.id_number;
    writeFileSync(csv, iconv.encode(`${header}\r\n${cells.join(',')}\r\n`, 'gbk'));
    const placement = value(await env.app.dispatch('import.preview', { clientCode: 'bank-a', kind: 'placement', fileRef: (await env.app.stageUpload('d2.csv', createReadStream(csv))).fileRef }));
    expect(placement.rows[0]?.problem).toMatchObject({ field: 'idNumber', code: 'name_mismatch', message: `Row 2: idNumber is held by a debtor under another name: case ${held.case_no}.` });

    const payments = value(await env.app.dispatch('import.preview', { clientCode: 'bank-a', kind: 'payments', fileRef: (await stage('bank-a', 'payments-2026-11-20.csv')).fileRef }));
    expect(payments.rows.length).toBeGreaterThan(0);
    expect(new Set(payments.rows.map((r) => r.problem?.code))).toEqual(new Set(['duplicate_txn']));
    // The very file imported before: the preview says so before the import is refused.
    expect(payments.alreadyImportedAt).toBe(env.now);
    const before = env.count('payments');
    const unknown = join(env.dataDir, 'pay.csv');
    writeFileSync(unknown, `案件编号,还款日期,还款金额,交易流水号,还款渠道\nNOPE0001,2026-11-20,100.00,TXN-NEW-1,柜面\n`);
    const p2 = value(await env.app.dispatch('import.preview', { clientCode: 'bank-a', kind: 'payments', fileRef: (await env.app.stageUpload('pay.csv', createReadStream(unknown))).fileRef }));
    expect(p2.rows[0]?.problem).toMatchObject({ field: 'caseNo', code: 'unknown_case' });
    expect(env.count('payments')).toBe(before);
  });

  it('says what the import would do with each row — a new case, an update, no change, a recall already taken — and the batch’s term', async () => {
    const preview = async (kind: 'placement' | 'payments' | 'recalls', file: string) =>
      value(await env.app.dispatch('import.preview', { clientCode: 'bank-a', kind, fileRef: (await env.app.stageUpload(file.split('/').pop()!, createReadStream(file))).fileRef }));
    const first = await preview('placement', fixture('bank-a', 'placement-2026-11.csv'));
    expect(new Set(first.rows.map((r) => r.outcome))).toEqual(new Set(['inserted']));
    // bank-a's rows carry the term; the hand is the profile's unless the import gives one.
    expect(first.batch).toEqual({ batchNo: null, placedAt: '2026-11-01', dueBackAt: '2027-01-31', hand: null, defaultHand: 1 });
    await env.run('placement', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'));

    // A later delivery: a held case with new days overdue, one as it was, and a new case placed on a later term.
    const { readFileSync, writeFileSync } = await import('node:fs');
    const iconv = (await import('iconv-lite')).default;
    const [header, r1, r2, r3] = iconv.decode(readFileSync(fixture('bank-a', 'placement-2026-11.csv')), 'gbk').split(/\r?\n/);
    const changed = r1!.split(',');
    changed[13] = '680';
    const placed = r3!.split(',');
    placed[0] = 'A261200000001';
    placed[17] = '2026/12/01';
    placed[18] = '2027/02/28';
    const later = join(env.dataDir, 'placement-2026-12.csv');
    writeFileSync(later, iconv.encode([header, changed.join(','), r2, placed.join(','), ''].join('\r\n'), 'gbk'));
    const p = await preview('placement', later);
    expect(p.rows.map((r) => [r.caseNo, r.outcome])).toEqual([['A261100000001', 'updated'], ['A261100000002', 'unchanged'], ['A261200000001', 'inserted']]);
    // The batch takes its term from the row that places a case, not from the held cases before it.
    expect(p.batch).toMatchObject({ placedAt: '2026-12-01', dueBackAt: '2027-02-28' });

    const recalls = fixture('bank-a', 'recall-2026-11-25.csv');
    expect(new Set((await preview('recalls', recalls)).rows.map((r) => r.outcome))).toEqual(new Set(['inserted']));
    await env.run('recalls', 'bank-a', recalls);
    const again = await preview('recalls', recalls);
    expect(new Set(again.rows.map((r) => r.outcome))).toEqual(new Set(['unchanged']));
    expect(again.batch).toBeNull();
    // Nothing of the rehearsals stays behind.
    expect([env.count('cases'), env.count('recalls')]).toEqual([200, 10]);
  });

  it('names the sheet a workbook is read from, and its other sheets, which are not imported', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixture('bank-b', 'placement-2026-11.xlsx'));
    wb.addWorksheet('分期委外').addRow(['合同号', '借款人']);
    const file = join(env.dataDir, 'two-sheets.xlsx');
    await wb.xlsx.writeFile(file);
    const p = value(await env.app.dispatch('import.preview', { clientCode: 'bank-b', kind: 'placement', fileRef: (await env.app.stageUpload('two-sheets.xlsx', createReadStream(file))).fileRef }));
    expect(p.sheets).toEqual({ read: '委外清单', others: ['分期委外'] });
    const csv = value(await env.app.dispatch('import.preview', { clientCode: 'bank-a', kind: 'placement', fileRef: (await stage('bank-a', 'placement-2026-11.csv')).fileRef }));
    expect(csv.sheets).toBeNull();
  });

  it('imports in the background with progress, then lists the batch, the import and its rejected rows', async () => {
    const staged = await stage('bad', 'mixed-rows.csv');
    const { jobId } = value(await env.app.dispatch('import.start', { clientCode: 'bank-a', kind: 'placement', fileRef: staged.fileRef, batchNo: 'MIX-1' }));
    // The app keeps answering while the import runs on its own connection.
    expect(value(await env.app.dispatch('app.status', {})).state).toBe('open');
    const done = await finished(jobId);
    expect(done).toMatchObject({ state: 'done', rows: 24, error: null, summary: { accepted: 18, inserted: 18 } });
    expect(existsSync(join(env.dataDir, 'staging', staged.fileRef))).toBe(false);
    const [batch] = value(await env.app.dispatch('batches.list', { clientCode: 'bank-a' }));
    expect(batch).toMatchObject({ batchNo: 'MIX-1', fileName: 'mixed-rows.csv', caseCount: 18, placedAt: '2026-11-01', dueBackAt: '2027-01-31' });
    const [imp] = value(await env.app.dispatch('import.list', {}));
    expect(imp).toMatchObject({ kind: 'placement', fileName: 'mixed-rows.csv', rows: 24, accepted: 18, rejected: 6 });
    const rejects = value(await env.app.dispatch('import.rejects', { importId: imp!.id }));
    expect(rejects.map((r) => [r.row, r.field, r.code])).toEqual([
      [16, 'idNumber', 'checksum'], [17, 'placedAmount', 'negative'], [18, 'caseNo', 'missing'],
      [19, 'caseNo', 'duplicate_in_file'], [20, 'placedAt', 'invalid_date'], [21, 'placedAmount', 'not_a_number'],
    ]);
  });

  it('reports a file refused whole as a failed job, with the reason', async () => {
    const staged = await stage('bad', 'header-only.csv');
    const { jobId } = value(await env.app.dispatch('import.start', { clientCode: 'bank-a', kind: 'placement', fileRef: staged.fileRef }));
    expect(await finished(jobId)).toMatchObject({ state: 'failed', summary: null, error: { code: 'unreadable_file', message: expect.stringMatching(/header-only\.csv/) } });
    expect(env.count('batches')).toBe(0);
  });

  it('refuses a collector, and any file reference that is not a staged file of this data folder', async () => {
    expect(() => resolveStaged(env.dataDir, '../../collectdesk.db')).toThrow(/Unknown file reference/);
    expect(await env.app.dispatch('import.preview', { clientCode: 'bank-a', kind: 'placement', fileRef: '01a20900-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    value(await env.app.dispatch('users.add', { name: 'zhang', displayName: '张三', role: 'collector', password: 'collector-pass' }));
    await env.app.dispatch('auth.signOut', {});
    value(await env.app.dispatch('auth.signIn', { name: 'zhang', password: 'collector-pass' }));
    await expect(stage('bank-a', 'placement-2026-11.csv')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await env.app.dispatch('batches.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
