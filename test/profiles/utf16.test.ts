// Excel's "Unicode text" export (Unicode 文本): tab-separated UTF-16 with a byte-order mark — and the same from a system
// that writes no mark. The encoding is told from the bytes.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addClient, parseProfile } from '../../electron/core/clients/clients';
import { residentId } from '../helpers/bank-files';
import { useImportStore } from '../helpers/import';

const PROFILE = {
  profileVersion: 1,
  code: 'bank-u',
  name: '西岭村镇银行',
  placement: { format: 'tsv', columns: { caseNo: '合同号', debtorName: '客户姓名', idNumber: '证件号码', placedAmount: '委案金额' } },
};

/** UTF-16 bytes of `text` in either order, with or without the byte-order mark. */
function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le');
  return order === 'le' ? le : le.swap16();
}

describe('a UTF-16 text file', () => {
  const t = useImportStore(async (env) => {
    addClient(env.db, env.actor, parseProfile(PROFILE, 'bank-u.json'), env.now);
  });

  it('is read whatever its byte order, with or without a byte-order mark', async () => {
    const variants = [['le', true], ['be', true], ['le', false], ['be', false]] as const;
    for (const [i, [order, bom]] of variants.entries()) {
      const rows = [
        '合同号\t客户姓名\t证件号码\t委案金额',
        `U${i}01\t张三丰\t${residentId('110101', '19800101', 1)}\t1,234.50`,
        `U${i}02\t欧阳娜娜\t${residentId('110101', '19810101', 2)}\t¥800`,
      ];
      const file = join(t.dir, `清单_${order}_${bom}.txt`);
      writeFileSync(file, utf16(`${rows.join('\r\n')}\r\n`, order, bom));
      const s = await t.env.run('placement', 'bank-u', file);
      expect(s, `${order} ${bom ? 'with' : 'without'} a mark`).toMatchObject({ rows: 2, accepted: 2, rejected: [] });
      expect(t.env.db.prepare('SELECT d.name, c.placed_amount_fen AS fen FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE c.case_no = ?').get(`U${i}02`)).toEqual({ name: '欧阳娜娜', fen: 80000 });
    }
  });
});
