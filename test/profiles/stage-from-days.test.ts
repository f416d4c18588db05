// A bank that sends days overdue but no stage (a loan book, not cards): with stageFromOverdueDays the stage is the
// one the days imply, so the reports by stage and the commission by stage work; without it the stage stays absent.
import { describe, expect, it } from 'vitest';
import { addClient, parseProfile } from '../../electron/core/clients/clients';
import { fixture, shippedProfile } from '../helpers/fixtures';
import { useImportStore } from '../helpers/import';

describe('the stage from days overdue', () => {
  const t = useImportStore();

  it('is taken for a row without a stage only where the profile asks for it', async () => {
    const profile = shippedProfile('bank-a');
    delete (profile.placement.columns as Record<string, unknown>).stage;
    addClient(t.env.db, t.env.actor, parseProfile({ ...profile, code: 'bank-s', placement: { ...profile.placement, stageFromOverdueDays: true } }, 'bank-s.json'), t.env.now);
    addClient(t.env.db, t.env.actor, parseProfile({ ...profile, code: 'bank-n' }, 'bank-n.json'), t.env.now);
    await t.env.run('placement', 'bank-s', fixture('bank-a', 'placement-2026-11.csv'));
    await t.env.run('placement', 'bank-n', fixture('bank-a', 'placement-2026-11.csv'));
    const rows = (code: string) =>
      t.env.db.prepare('SELECT c.overdue_days AS days, c.stage FROM cases c JOIN clients k ON k.id = c.client_id WHERE k.code = ? ORDER BY c.case_no').all(code) as { days: number; stage: string | null }[];
    const derived = rows('bank-s');
    expect(derived).toHaveLength(200);
    for (const r of derived) expect(r.stage).toBe(r.days > 180 ? 'M7+' : `M${Math.ceil(r.days / 30)}`);
    expect(new Set(rows('bank-n').map((r) => r.stage))).toEqual(new Set([null]));
  });
});
