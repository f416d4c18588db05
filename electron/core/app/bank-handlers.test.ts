import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setupApp, value } from '../../../test/helpers/core';
import { fixture } from '../../../test/helpers/fixtures';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import type { CoreApp } from './core-app';
import { newSession } from './sessions';

const PROFILE = join(import.meta.dirname, '../../../resources/profiles/bank-a.json');
const SECRET = 'bank-a-sync-secret-0123456789';

describe('Admin → Banks (banks.* handlers) on a real store', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;
  let tmp: ReturnType<typeof makeTempDir>;
  let app: CoreApp;

  /** Writes a profile file (bank-a's, changed by `edit`) and stages it as the file picker would. */
  async function stageProfile(edit: (p: Record<string, unknown>) => void = () => {}, name = 'bank-a.json'): Promise<string> {
    const p = JSON.parse(readFileSync(PROFILE, 'utf8')) as Record<string, unknown>;
    edit(p);
    const file = join(tmp.dir, name);
    writeFileSync(file, JSON.stringify(p, null, 2));
    return (await app.stageLocalFile(file)).fileRef;
  }
  const audit = (action: string) => env.db.prepare('SELECT actor_id AS actor, entity, details FROM audit_events WHERE action = ? ORDER BY seq').all(action) as { actor: string; entity: string; details: string }[];
  const clients = () => env.db.prepare('SELECT count(*) FROM clients').pluck().get();

  beforeEach(async () => {
    env = await setupApp();
    app = env.app;
    tmp = makeTempDir();
  });
  afterEach(() => {
    env.cleanup();
    tmp.cleanup();
  });

  it('refuses a profile with a mistake, naming the key, registers nothing; the fixed file registers the bank, audited', async () => {
    const bad = await stageProfile((p) => {
      const placement = p.placement as { columns: Record<string, unknown> };
      placement.columns.caseNumber = placement.columns.caseNo;
      delete placement.columns.caseNo;
    });
    const r = await app.dispatch('banks.register', { fileRef: bad, mode: 'add' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.message).toContain('placement.columns: unknown key "caseNumber"');
    expect(r.error.details?.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'placement.columns', kind: 'unknown_key', keys: ['caseNumber'] }),
        expect.objectContaining({ path: 'placement.columns.caseNo', kind: 'missing' }),
      ]),
    );
    expect(clients()).toBe(0);

    const notJson = join(tmp.dir, 'broken.json');
    writeFileSync(notJson, '{ "code": "bank-a", ');
    const broken = await app.dispatch('banks.register', { fileRef: (await app.stageLocalFile(notJson)).fileRef, mode: 'add' });
    expect(!broken.ok && broken.error.details).toMatchObject({ problem: 'not_json', file: 'broken.json' });

    const saved = value(await app.dispatch('banks.register', { fileRef: await stageProfile(), mode: 'add' }));
    expect(saved).toMatchObject({ code: 'bank-a', name: '示例银行A信用卡中心', waiverLimitFen: 5_000_000, secretSet: false, syncOn: false, kinds: ['placement', 'payments', 'recalls'] });
    expect(value(await app.dispatch('banks.list', {})).map((b) => b.code)).toEqual(['bank-a']);
    expect(audit('client.create')).toEqual([{ actor: expect.any(String), entity: 'client', details: JSON.stringify({ code: 'bank-a' }) }]);

    // Registered twice: refused; `update` replaces the profile (here its name).
    const twice = await app.dispatch('banks.register', { fileRef: await stageProfile(), mode: 'add' });
    expect(!twice.ok && twice.error.code).toBe('conflict');
    const other = await app.dispatch('banks.register', { fileRef: await stageProfile((p) => (p.code = 'bank-z')), mode: 'update', code: 'bank-a' });
    expect(!other.ok && other.error.details?.problems).toEqual([expect.objectContaining({ path: 'code', kind: 'not_allowed', allowed: ['bank-a'] })]);
    const renamed = value(await app.dispatch('banks.register', { fileRef: await stageProfile((p) => (p.name = '示例银行A')), mode: 'update', code: 'bank-a' }));
    expect(renamed.name).toBe('示例银行A');
    expect(audit('client.update')).toHaveLength(1);
  });

  it('edits commission, waiver limit, retention and sync; the secret is stored sealed, said to be set, never answered back', async () => {
    value(await app.dispatch('banks.register', { fileRef: await stageProfile(), mode: 'add' }));
    const edited = value(
      await app.dispatch('banks.update', {
        code: 'bank-a',
        waiverLimitFen: 800_000,
        retentionDays: 30,
        commission: { rates: [{ stage: 'M3', rate: 0.12 }], defaultRate: 0.09 },
        sync: { url: 'https://bank-a.example.com/collectdesk/v1', keyId: 'agency-7', intervalMinutes: 30 },
        syncSecret: SECRET,
      }),
    );
    expect(edited).toMatchObject({ waiverLimitFen: 800_000, retentionDays: 30, commission: { rates: [{ stage: 'M3', rate: 0.12 }], defaultRate: 0.09 }, secretSet: true, syncOn: true });
    expect(JSON.stringify(value(await app.dispatch('banks.list', {})))).not.toContain(SECRET);
    const stored = env.db.prepare("SELECT profile_json, sync_secret_enc FROM clients WHERE code = 'bank-a'").get() as { profile_json: string; sync_secret_enc: Buffer };
    expect(JSON.parse(stored.profile_json)).toMatchObject({ waiverLimitFen: 800_000, retention: { purgeAfterDays: 30 }, sync: { keyId: 'agency-7', intervalMinutes: 30 } });
    expect(stored.profile_json).not.toContain(SECRET);
    expect(stored.sync_secret_enc.toString('latin1')).not.toContain(SECRET);
    // Audited: which settings changed (never the secret), and the secret's setting on its own.
    expect(audit('client.update').map((a) => JSON.parse(a.details))).toEqual([{ code: 'bank-a', fields: ['commission', 'waiverLimitFen', 'retention', 'sync'] }]);
    expect(audit('client.sync_secret_set')).toHaveLength(1);
    expect(JSON.stringify(audit('client.sync_secret_set'))).not.toContain(SECRET);

    // A bad value names its key; nothing changes.
    const badUrl = await app.dispatch('banks.update', { code: 'bank-a', sync: { url: 'http://bank-a.example.com/', keyId: 'agency-7', intervalMinutes: 30 }, waiverLimitFen: 1 });
    expect(!badUrl.ok && badUrl.error.details?.problems).toEqual([expect.objectContaining({ path: 'sync.url' })]);
    const shortSecret = await app.dispatch('banks.update', { code: 'bank-a', syncSecret: 'short' });
    expect(!shortSecret.ok && shortSecret.error.details).toMatchObject({ field: 'syncSecret' });
    expect(value(await app.dispatch('banks.list', {}))[0]).toMatchObject({ waiverLimitFen: 800_000, secretSet: true });

    // Removing: the limit and the retention go back to none / the pack's default.
    const cleared = value(await app.dispatch('banks.update', { code: 'bank-a', waiverLimitFen: null, retentionDays: null }));
    expect(cleared).toMatchObject({ waiverLimitFen: null, retentionDays: null, retentionDefaultDays: expect.any(Number) });
  });

  it('tries a profile on a sample file: the first rows mapped, the rejects by row and field, nothing written', async () => {
    const auditBefore = env.db.prepare('SELECT count(*) FROM audit_events').pluck().get();
    const profileRef = await stageProfile();
    const sampleRef = (await app.stageLocalFile(fixture('bad', 'mixed-rows.csv'))).fileRef;
    const trial = value(await app.dispatch('banks.tryProfile', { profileRef, sampleRef, kind: 'placement' }));
    expect(trial.preview.rows.length).toBeGreaterThan(0);
    expect(trial.preview.rows.length).toBeLessThanOrEqual(20);
    expect(trial.rejects.length).toBeGreaterThan(0);
    for (const r of trial.rejects) expect(r).toEqual({ row: expect.any(Number), caseNo: expect.any(String), field: expect.any(String), code: expect.any(String), message: expect.any(String) });
    const good = trial.preview.rows.find((r) => r.problem === null);
    expect(good?.values.debtorName).toMatch(/\*/); // masked, as the import preview shows it
    expect(clients()).toBe(0);
    expect(env.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
    expect(env.db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(auditBefore);

    // The whole clean file: every row mapped, no reject.
    const clean = value(await app.dispatch('banks.tryProfile', { profileRef, sampleRef: (await app.stageLocalFile(fixture('bank-a', 'placement-2026-11.csv'))).fileRef, kind: 'placement' }));
    expect(clean).toMatchObject({ rejects: [], scanned: 200, truncated: false });
  });

  it('is an admin’s: a lead is refused by the core whatever the screen shows', async () => {
    value(await app.dispatch('users.add', { name: 'lead1', displayName: '组长', role: 'lead', password: 'Lead-password-1' }));
    const lead = newSession();
    value(await app.dispatch('auth.signIn', { name: 'lead1', password: 'Lead-password-1' }, lead));
    for (const r of [await app.dispatch('banks.list', {}, lead), await app.dispatch('banks.update', { code: 'bank-a', waiverLimitFen: 1 }, lead), await app.dispatch('retention.preview', {}, lead), await app.dispatch('backup.schedule', {}, lead)]) {
      expect(!r.ok && r.error.code).toBe('forbidden');
    }
  });
});
