// A core-banking export without a header: a GB18030 text file, fields separated by `|`, whose layout the bank gives in
// a specification ("column 1 contract number, column 2 name, …"). The profile names its columns by place.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { addClient, getClient, parseProfile } from '../../electron/core/clients/clients';
import { previewImport } from '../../electron/core/import/preview';
import { residentId } from '../helpers/bank-files';
import { useImportStore } from '../helpers/import';

const PROFILE = {
  profileVersion: 1,
  code: 'bank-h',
  name: '北方商业银行',
  placement: {
    format: 'delimited',
    delimiter: '|',
    encoding: 'gb18030',
    headerRow: 'none',
    dateFormats: ['YYYYMMDD'],
    columns: { caseNo: { column: 'A' }, debtorName: { column: 'B' }, idNumber: { column: 3 }, mobile: { column: 'D' }, placedAmount: { column: 'E' }, dueBackAt: { column: 'F' } },
    contacts: { columns: [{ name: { column: 'G' }, relation: { column: 'H' }, phone: { column: 'I' } }] },
  },
};

describe('a file without a header, its columns given by place', () => {
  const t = useImportStore(async (env) => {
    addClient(env.db, env.actor, parseProfile(PROFILE, 'bank-h.json'), env.now);
  });

  it('imports every line as a data row, numbered from 1, and previews the columns by letter', async () => {
    const lines = [
      `BN001|张三|${residentId('110101', '19800101', 1)}|13900000001|1234.50|20270301|张父|父亲|13900001111`,
      `BN002|李四|${residentId('110101', '19810101', 2)}|13900000002|-5|20270301|||`,
      `BN003|王五|${residentId('110101', '19820101', 3)}|13900000003|800|20270301|||`,
    ];
    const file = join(t.dir, 'CUST_20261203.txt');
    writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gb18030'));

    const preview = await previewImport(getClient(t.env.db, 'bank-h'), 'placement', file);
    expect(preview.headerRow).toBe(0);
    expect(preview.columns).toContainEqual({ field: 'caseNo', expected: 'column A', header: 'A' });
    expect(preview.columns).toContainEqual({ field: 'idNumber', expected: 'column 3', header: 'C' });
    expect(preview.rows.map((r) => [r.row, r.caseNo, r.problem?.code ?? null])).toEqual([[1, 'BN001', null], [2, 'BN002', 'negative'], [3, 'BN003', null]]);

    const s = await t.env.run('placement', 'bank-h', file);
    expect(s).toMatchObject({ rows: 3, accepted: 2, inserted: 2 });
    expect(s.rejected).toMatchObject([{ row: 2, caseNo: 'BN002', field: 'placedAmount', code: 'negative' }]);
    expect(t.env.db.prepare("SELECT c.placed_amount_fen, d.name, d.mobile FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE c.case_no = 'BN001'").get()).toEqual({
      placed_amount_fen: 123450, name: '张三', mobile: '13900000001',
    });
    expect(t.env.db.prepare("SELECT relation, name, phone FROM contact_persons WHERE relation <> 'self'").all()).toEqual([{ relation: 'parent', name: '张父', phone: '13900001111' }]);
  });

  it('rejects a row with more fields than the first, where a delimiter inside a value shifted its columns', async () => {
    const lines = [
      `BN011|张三|${residentId('110101', '19800101', 11)}|13900000011|1234.50|20270301|张父|父亲|13900001111`,
      `BN012|李四|${residentId('110101', '19810101', 12)}|13900000012|500|20270301|李|母|亲|13900002222`,
    ];
    const file = join(t.dir, 'CUST_20261204.txt');
    writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gb18030'));
    const s = await t.env.run('placement', 'bank-h', file);
    expect(s).toMatchObject({ rows: 2, inserted: 1 });
    expect(s.rejected.map((r) => [r.row, r.field, r.code, r.message])).toEqual([[2, 'row', 'extra_fields', expect.stringContaining('10 fields where a row has 9')]]);
  });

  it('refuses a profile for such a file that names a column by its header', () => {
    const bad = { ...PROFILE, placement: { ...PROFILE.placement, columns: { ...PROFILE.placement.columns, mobile: '手机号' } } };
    expect(() => parseProfile(bad, 'bank-h.json')).toThrow(/placement\.columns\.mobile.*headerRow "none".*\{ "column": "C" \}/s);
  });
});
