// A bank whose workbooks store case numbers as numbers: 007890 arrives as the number 7890. With `caseNoDigits` the
// zeros are put back; without it the row names a case the agency does not hold.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { addClient } from '../../electron/core/clients/clients';
import { generateCases, writeBankACsv } from '../helpers/bank-files';
import { shippedProfile } from '../helpers/fixtures';
import { useImportStore } from '../helpers/import';

async function writePayments(file: string, caseNo: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('还款');
  ws.addRow(['案件编号', '还款日期', '还款金额', '交易流水号', '还款渠道']);
  ws.addRow([caseNo, '2026-11-20', 100, 'TXN-Z-1', '柜面']);
  await wb.xlsx.writeFile(file);
}

describe('case numbers stored as numbers in a workbook', () => {
  const t = useImportStore();

  it('get their leading zeros back with caseNoDigits, and match no case without it', async () => {
    const bankA = shippedProfile('bank-a');
    const withPayments = (code: string, caseNoDigits?: number) =>
      addClient(t.env.db, t.env.actor, { ...bankA, code, name: code, payments: { ...bankA.payments!, format: 'xlsx', caseNoDigits } }, t.env.now);
    withPayments('bank-z', 6);
    withPayments('bank-y');
    const [c] = generateCases(1);
    writeBankACsv(join(t.dir, 'placement.csv'), [{ ...c!, caseNo: '007890' }]);
    await t.env.run('placement', 'bank-z', join(t.dir, 'placement.csv'));
    await t.env.run('placement', 'bank-y', join(t.dir, 'placement.csv'));
    await writePayments(join(t.dir, 'payments.xlsx'), 7890);

    expect(await t.env.run('payments', 'bank-z', join(t.dir, 'payments.xlsx'))).toMatchObject({ accepted: 1, rejected: [] });
    const y = await t.env.run('payments', 'bank-y', join(t.dir, 'payments.xlsx'));
    expect(y.rejected).toMatchObject([{ row: 2, caseNo: '7890', code: 'unknown_case', message: expect.stringContaining('begin with zeros') }]);
    expect(t.env.db.prepare("SELECT cl.code, c.balance_fen FROM cases c JOIN clients cl ON cl.id = c.client_id ORDER BY cl.code").all()).toEqual([
      { code: 'bank-y', balance_fen: c!.placedFen },
      { code: 'bank-z', balance_fen: c!.placedFen - 10000 },
    ]);
  });
});
