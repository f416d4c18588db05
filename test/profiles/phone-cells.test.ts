// What banks write in a phone cell besides a plain number: "no number" (无, 00000000000, -), a note in brackets, an
// extension. A case is not lost for any of them, and no placeholder becomes a number to dial.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { BANK_A_HEADER, bankALines, generateCases } from '../helpers/bank-files';
import { useImportStore } from '../helpers/import';

describe('phone cells of a placement file', () => {
  const t = useImportStore();

  it('reads "no number" as none, drops notes and extensions, and still rejects a number one cannot dial', async () => {
    const cells: [mobile: string, contactPhone: string][] = [
      ['无', '00000000000'],
      ['00000000000', '-'],
      ['13800138000（本人）', '13900139000(配偶)'],
      ['0394-8123456转802', '0371-6234567-802'],
      ['6234567', '13900139001'],
    ];
    const lines = bankALines(generateCases(cells.length)).map((line, i) => {
      const f = line.split(',');
      [f[4], f[21]] = cells[i]!;
      return f.join(',');
    });
    const file = join(t.dir, 'phones.csv');
    writeFileSync(file, iconv.encode(`${[BANK_A_HEADER, ...lines].join('\r\n')}\r\n`, 'gbk'));
    const s = await t.env.run('placement', 'bank-a', file);
    // A landline without its area code cannot be dialled: the row is rejected, as before.
    expect(s).toMatchObject({ rows: 5, accepted: 4 });
    expect(s.rejected.map((r) => [r.row, r.field, r.code])).toEqual([[6, 'mobile', 'invalid']]);
    const phones = t.env.db
      .prepare('SELECT d.mobile, group_concat(p.relation || \':\' || p.phone, \' \') AS contacts FROM cases c JOIN debtors d ON d.id = c.debtor_id LEFT JOIN contact_persons p ON p.debtor_id = d.id GROUP BY c.id ORDER BY c.case_no')
      .all();
    expect(phones).toEqual([
      { mobile: null, contacts: null },
      { mobile: null, contacts: null },
      { mobile: '13800138000', contacts: expect.stringMatching(/^self:13800138000 \w+:13900139000$/) },
      { mobile: '03948123456', contacts: expect.stringMatching(/^self:03948123456 \w+:03716234567$/) },
    ]);
  });
});
