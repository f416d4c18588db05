import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addClient, parseProfile } from '../../electron/core/clients/clients';
import { residentId } from '../helpers/bank-files';
import { useImportStore } from '../helpers/import';

const DOC = fileURLToPath(new URL('../../docs/profiles.md', import.meta.url));

/** The "third bank, from scratch" profile, taken from the documentation itself. */
function docsExampleProfile(): unknown {
  const text = readFileSync(DOC, 'utf8');
  const section = text.slice(text.indexOf('## A third bank, from scratch'));
  const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!json) throw new Error('no example profile in docs/profiles.md');
  return JSON.parse(json);
}

describe('docs/profiles.md', () => {
  const t = useImportStore();

  it('its third-bank example is a valid profile that imports the layout it describes', async () => {
    addClient(t.env.db, t.env.actor, parseProfile(docsExampleProfile(), 'docs example'), t.env.now);
    const file = join(t.dir, 'BC_20261101_P03.txt');
    const id = residentId('110101', '19800101', 7);
    writeFileSync(
      file,
      ['合同编号|姓名|身份证号码|手机号|应还总额(分)|逾期天数|分案日期|到期日期|备用电话', `C-1|赵六|${id}|13912345678|1234567|45|20261101|20270131|13712345678`, `C-2|钱七|${id.slice(0, 17)}0|13912345679|100|5|20261101|20270131|`, 'END|2'].join('\n'),
    );
    const s = await t.env.run('placement', 'bank-c', file);
    expect(s).toMatchObject({ rows: 2, accepted: 1, inserted: 1 });
    expect(s.rejected).toMatchObject([{ row: 3, caseNo: 'C-2', field: 'idNumber' }]);
    // Its trailer counts the records: the same file cut off before it is refused.
    writeFileSync(file.replace('P03', 'P04'), readFileSync(file, 'utf8').replace(/\nEND\|2$/, ''));
    await expect(t.env.run('placement', 'bank-c', file.replace('P03', 'P04'))).rejects.toMatchObject({ code: 'unreadable_file', details: { field: 'trailer' } });
    expect(t.env.db.prepare('SELECT batch_no, placed_at, due_back_at, hand FROM batches').get()).toEqual({ batch_no: '20261101_P03', placed_at: '2026-11-01', due_back_at: '2027-01-31', hand: 1 });
    expect(t.env.db.prepare("SELECT placed_amount_fen, overdue_days FROM cases WHERE case_no = 'C-1'").get()).toEqual({ placed_amount_fen: 1234567, overdue_days: 45 });
    const phones = t.env.db.prepare('SELECT relation, phone FROM contact_persons ORDER BY phone').all();
    expect(phones).toEqual([{ relation: 'other', phone: '13712345678' }, { relation: 'self', phone: '13912345678' }]);
  });

  it('a file read with the wrong delimiter is refused, showing what the header row holds', async () => {
    const profile = docsExampleProfile() as { placement: { delimiter: string } };
    profile.placement.delimiter = ',';
    addClient(t.env.db, t.env.actor, parseProfile(profile, 'docs example'), t.env.now);
    const file = join(t.dir, 'BC_20261101_P03.txt');
    writeFileSync(file, ['合同编号|姓名|身份证号码|手机号|应还总额(分)', `C-1|赵六|${residentId('110101', '19800101', 7)}|13912345678|1234567`, 'END|1'].join('\n'));
    const error = await t.env.run('placement', 'bank-c', file).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'unreadable_file', message: expect.stringContaining('Row 1, the closest to a header, has: 合同编号|姓名|身份证号码|手机号|应还总额(分)') });
    expect((error as Error).message).not.toContain('13912345678');
    expect(t.env.count('import_files')).toBe(0);
  });

  it('a profile with an unknown key is refused, naming the key', () => {
    const bad = docsExampleProfile() as { placement: { columns: Record<string, unknown> } };
    bad.placement.columns.caseNumber = '合同编号';
    expect(() => parseProfile(bad, 'bank-c.json')).toThrow(/bank-c\.json is not a valid client profile: placement\.columns: unknown key "caseNumber"/);
  });

  it('refuses at registration what would only fail at the first import, naming the key', () => {
    type Bad = { placement: Record<string, unknown> & { columns: Record<string, unknown> } };
    const refusal = (change: (p: Bad) => void) => {
      const bad = docsExampleProfile() as Bad;
      change(bad);
      try {
        parseProfile(bad, 'bank-c.json');
        return 'accepted';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(refusal((p) => (p.placement.fileValues = { batchNo: { fromFileName: 'BC_(\\d{8' } }))).toMatch(
      /placement\.fileValues\.batchNo\.fromFileName: not a valid regular expression/,
    );
    expect(refusal((p) => (p.placement.fileValues = { batchNo: { fromFile: 'x' } }))).toMatch(/placement\.fileValues\.batchNo: give one of/);
    expect(refusal((p) => delete p.placement.delimiter)).toMatch(/placement\.delimiter: required when format is "delimited"/);
    expect(refusal((p) => (p.placement.requiredColumns = ['homeAddress']))).toMatch(/placement\.requiredColumns\.0: "homeAddress" is not mapped in columns/);
    expect(refusal((p) => (p.placement.columns.caseNo = 3))).toMatch(/placement\.columns\.caseNo: a header as text, a list of alternative headers, or { "column": "C" }/);
    expect(refusal((p) => (p.placement.valueMaps = { stage: { 四期: '第四期' } }))).toMatch(/placement\.valueMaps\.stage\.四期: a stage: M0…M6, M7\+/);
  });
});
