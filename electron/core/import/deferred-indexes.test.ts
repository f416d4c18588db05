import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generateCases, writeBankACsv } from '../../../test/helpers/bank-files';
import { fixture } from '../../../test/helpers/fixtures';
import { useImportStore } from '../../../test/helpers/import';
import { deferIndexes } from './deferred-indexes';

describe('the indexes of a placement built after its rows', () => {
  const t = useImportStore();

  const indexes = (): string[] =>
    t.env.db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('cases', 'debtors', 'contact_persons') ORDER BY name").pluck().all() as string[];

  it('drops them only while a file larger than the store is written, and builds the same ones again', async () => {
    const before = indexes();
    expect(before.length).toBeGreaterThan(8);
    t.env.db.exec('BEGIN');
    const rebuild = deferIndexes(t.env.db, 5_000_000);
    // The writer's own lookups keep theirs: a debtor by ID number, a debtor's phones.
    expect(indexes()).toEqual(before.filter((sql) => /debtors_id_number_any|contact_persons_debtor/.test(sql)));
    rebuild();
    t.env.db.exec('COMMIT');
    expect(indexes()).toEqual(before);

    // A store holding 300 cases keeps them for a file of fewer rows than that.
    writeBankACsv(join(t.dir, 'p.csv'), generateCases(300));
    await t.env.run('placement', 'bank-a', join(t.dir, 'p.csv'));
    t.env.db.exec('BEGIN');
    deferIndexes(t.env.db, 200_000);
    expect(indexes()).toEqual(before);
    t.env.db.exec('ROLLBACK');
  });

  it('leaves a store whose import was refused with every index, and an imported store with complete ones', async () => {
    const before = indexes();
    await expect(t.env.run('placement', 'bank-a', fixture('bad', 'header-only.csv'))).rejects.toMatchObject({ code: 'unreadable_file' });
    expect(indexes()).toEqual(before);

    const cases = generateCases(300);
    writeBankACsv(join(t.dir, 'p.csv'), cases);
    expect(await t.env.run('placement', 'bank-a', join(t.dir, 'p.csv'))).toMatchObject({ inserted: 300 });
    expect(indexes()).toEqual(before);
    expect(t.env.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = t.env.db.prepare('EXPLAIN QUERY PLAN SELECT id FROM debtors WHERE mobile = ?').all(cases[7]!.mobile) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('debtors_mobile');
    expect(t.env.db.prepare('SELECT count(*) FROM debtors WHERE mobile = ?').pluck().get(cases[7]!.mobile)).toBe(1);
  });
});
