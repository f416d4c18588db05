// A bank's text file with a delimiter inside a value and a quote that never closes: neither may put one row's values
// on another's fields.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { BANK_A_HEADER, bankALines, generateCases } from '../../../test/helpers/bank-files';
import { useImportStore } from '../../../test/helpers/import';
import { getClient } from '../clients/clients';
import { rehearseRows } from './import-file';
import { previewImport, type Rehearse } from './preview';

describe('stray delimiters and quotes in a text file', () => {
  const t = useImportStore();

  it('rejects a row whose values are shifted by a delimiter inside one, and keeps the rows after an unclosed quote', async () => {
    const cases = generateCases(5);
    const lines = bankALines(cases);
    // Row 3: an address with the file's delimiter in it, unquoted — its later values would land on the wrong fields.
    lines[1] = lines[1]!.replace('北京市东城区', '北京市,东城区');
    // Row 4: a remark that opens a quote and never closes it.
    lines[2] = `${lines[2]}"客户称已还款`;
    const file = join(t.dir, 'stray.csv');
    writeFileSync(file, iconv.encode(`${[BANK_A_HEADER, ...lines].join('\r\n')}\r\n`, 'gbk'));

    // The preview says so before the import, on its own and as the rehearsed import.
    const client = getClient(t.env.db, 'bank-a');
    const problems = (p: Awaited<ReturnType<typeof previewImport>>) => p.rows.filter((r) => r.problem).map((r) => [r.row, r.problem?.code]);
    expect(problems(await previewImport(client, 'placement', file))).toEqual([[3, 'extra_fields']]);
    const rehearse: Rehearse = (rows) => rehearseRows(t.env.db, { ...rows, clientCode: 'bank-a', kind: 'placement', actor: t.env.actor, now: t.env.now });
    expect(problems(await previewImport(client, 'placement', file, { rehearse }))).toEqual([[3, 'extra_fields']]);

    const s = await t.env.run('placement', 'bank-a', file);
    expect(s).toMatchObject({ rows: 5, accepted: 4, inserted: 4 });
    expect(s.rejected).toEqual([
      { row: 3, caseNo: cases[1]!.caseNo, field: 'row', code: 'extra_fields', message: 'Row 3: row has more fields than the header: a delimiter inside a value has shifted the columns: 30 fields where a row has 29.' },
    ]);
    const remarks = (caseNo: string) => t.env.db.prepare('SELECT remarks FROM cases WHERE case_no = ?').pluck().get(caseNo);
    expect(remarks(cases[2]!.caseNo)).toBe('"客户称已还款');
    expect(remarks(cases[3]!.caseNo)).toBeNull();
    expect(t.env.db.prepare('SELECT d.mobile FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE c.case_no = ?').pluck().get(cases[4]!.caseNo)).toBe(cases[4]!.mobile);
  });
});
