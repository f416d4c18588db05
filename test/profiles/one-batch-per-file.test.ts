// A placement file places one batch. Banks that write the batch number and hand on every row sometimes mix batches or
// hands in one file: the rows of another batch are rejected (other_batch), never filed under the wrong one.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { addClient } from '../../electron/core/clients/clients';
import { fixture, shippedProfile } from '../helpers/fixtures';
import { useImportStore } from '../helpers/import';

const [HEADER, ...ROWS] = iconv.decode(readFileSync(fixture('bank-a', 'placement-2026-11.csv')), 'gbk').split(/\r?\n/).filter(Boolean);

describe('one batch per placement file', () => {
  const t = useImportStore(async (env) => {
    const profile = shippedProfile('bank-a', 'bank-n');
    profile.placement = { ...profile.placement!, columns: { ...profile.placement!.columns, batchNo: '批次号', hand: '手别' } };
    addClient(env.db, env.actor, profile, env.now);
  });
  /** bank-a's rows 1… of the fixture, each with the batch number and hand given. */
  const write = (name: string, rows: [number, string, string][]): string => {
    const file = join(t.dir, name);
    writeFileSync(file, [`${HEADER},批次号,手别`, ...rows.map(([i, no, hand]) => `${ROWS[i]},${no},${hand}`), ''].join('\n'));
    return file;
  };
  const batches = () => t.env.db.prepare("SELECT b.batch_no AS no, b.hand, b.case_count AS cases FROM batches b JOIN clients c ON c.id = b.client_id WHERE c.code = 'bank-n' ORDER BY b.imported_at, b.batch_no").all();

  it('takes the batch number and hand of its first row, as banks write the hand, and rejects rows of another batch or hand', async () => {
    const s = await t.env.run('placement', 'bank-n', write('WA_1.csv', [[0, 'B-01', '第2手'], [1, 'B-01', '第二手'], [2, 'B-02', '第2手'], [3, 'B-01', '2'], [4, 'B-01', '第3手'], [5, 'B-01', '首手']]));
    expect(s).toMatchObject({ rows: 6, inserted: 3 });
    expect(s.rejected.map((r) => [r.row, r.field, r.code, r.message])).toEqual([
      [4, 'batchNo', 'other_batch', "Row 4: batchNo differs from this file's batch: B-02, where row 2 gives B-01 (a file places one batch: import the rows of B-02 as a file of their own)."],
      [6, 'hand', 'other_batch', "Row 6: hand differs from this file's batch: 3, where row 2 gives 2 (a file places one batch: import the rows of hand 3 as a file of their own)."],
      [7, 'hand', 'not_a_number', 'Row 7: hand is not a number: 首手.'],
    ]);
    expect(batches()).toEqual([{ no: 'B-01', hand: 2, cases: 3 }]);

    // A full re-delivery: the held cases keep their batch, whatever number their rows carry; the new ones make the new batch.
    const again = await t.env.run('placement', 'bank-n', write('WA_2.csv', [[0, 'B-01', '第2手'], [1, 'B-01', '第2手'], [6, 'B-03', '第1手'], [7, 'B-03', '第1手']]));
    expect(again).toMatchObject({ inserted: 2, unchanged: 2, rejected: [] });
    expect(batches()).toEqual([{ no: 'B-01', hand: 2, cases: 3 }, { no: 'B-03', hand: 1, cases: 2 }]);
  });
});
