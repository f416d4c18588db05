import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock, value } from '../../../test/helpers/core';
import { setupWithClients } from '../../../test/helpers/import';
import { seedReturnsPeriod } from '../returns/test-support';

const q = { clientCode: 'bank-a', from: '2026-11-05', to: '2026-11-07' };

describe('returns.* methods', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  beforeEach(async () => {
    env = await setupWithClients(manualClock('2026-11-08T02:00:00.000Z'));
    const u = value(await env.app.dispatch('users.add', { name: 'c1', displayName: '催收员甲', role: 'collector', password: 'password-1' }));
    seedReturnsPeriod(env.db, 'bank-a', u.id);
  });
  afterEach(() => env.cleanup());

  it('lists the clients with their template', async () => {
    const { today, clients } = value(await env.app.dispatch('returns.clients', {}));
    expect(today).toMatch(/^2026-11-0[78]$/);
    expect(clients).toEqual([
      { code: 'bank-a', name: '示例银行A信用卡中心', format: 'csv', encoding: 'gbk', dailyReport: true, include: ['activities', 'promises', 'plans', 'recalls'] },
      { code: 'bank-b', name: '示例银行B信用卡中心', format: 'xlsx', encoding: null, dailyReport: true, include: ['activities', 'promises', 'plans', 'recalls'] },
    ]);
  });

  it('previews counts and the first rows, masking on screen what the file carries in full', async () => {
    const p = value(await env.app.dispatch('returns.preview', q));
    expect(p).toMatchObject({ counts: { activities: 4, promises: 1, plans: 1, recalls: 1 }, total: 7, recallsPending: 1, fileName: '回盘_bank-a_20261105_20261107.csv', dailyFileName: '日报_bank-a_20261105_20261107.csv', unmaskedColumns: ['证件号码'] });
    expect(p.rows).toHaveLength(7);
    expect(p.rows[0]?.[5]).toBe('1101**********1234');
    expect(p.daily?.rows.at(-1)).toEqual(['合计', '2', '4', '3', '2', '1', '1000.00', '500.00']);
    expect(value(await env.app.dispatch('returns.preview', q)).rows).toEqual(p.rows);
    expect(env.db.prepare("SELECT count(*) AS n FROM audit_events WHERE action LIKE 'returns.%'").get()).toEqual({ n: 0 });
  });

  it('hands the file over as base64 with its SHA-256, and the export shows in the history', async () => {
    const r = value(await env.app.dispatch('returns.export', q));
    expect(r.files.map((f) => f.fileName)).toEqual(['回盘_bank-a_20261105_20261107.csv', '日报_bank-a_20261105_20261107.csv']);
    const bytes = Buffer.from(r.files[0]!.base64, 'base64');
    expect(bytes.length).toBe(r.files[0]!.size);
    expect(iconv.decode(bytes, 'gbk').split('\r\n')[0]).toMatch(/^委外机构代码,案件编号,/);
    expect(r.recallsMarked).toBe(1);
    const again = value(await env.app.dispatch('returns.export', q));
    expect(again.files[0]!.sha256).toBe(r.files[0]!.sha256);
    const history = value(await env.app.dispatch('returns.history', {}));
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ at: '2026-11-08T02:00:00.000Z', by: '系统管理员', client: 'bank-a', from: q.from, to: q.to, fileName: r.files[0]!.fileName, sha256: r.files[0]!.sha256, counts: r.counts });
  });

  it('is for leads and admins only', async () => {
    value(await env.app.dispatch('auth.signOut', {}));
    value(await env.app.dispatch('auth.signIn', { name: 'c1', password: 'password-1' }));
    const r = await env.app.dispatch('returns.preview', q);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('forbidden');
  });
});
