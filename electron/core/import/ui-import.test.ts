import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { value } from '../../../test/helpers/core';
import { fixture } from '../../../test/helpers/fixtures';
import { setupWithClients } from '../../../test/helpers/import';
import { resolveStaged } from './staging';

describe('importing from the UI: stage, preview, import in the background, summary', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  beforeEach(async () => (env = await setupWithClients()));
  afterEach(() => env.cleanup());

  const stage = (...parts: string[]) => env.app.stageUpload(parts[parts.length - 1]!, createReadStream(fixture(...parts)));
  async function finished(jobId: string) {
    for (let i = 0; i < 200; i++) {
      const s = value(await env.app.dispatch('import.status', { jobId }));
      if (s.state !== 'running') return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  }

  it('previews the first rows as mapped and masked, writing nothing', async () => {
    const staged = await stage('bank-a', 'placement-2026-11.csv');
    expect(staged).toMatchObject({ name: 'placement-2026-11.csv', size: expect.any(Number) });
    const p = value(await env.app.dispatch('import.preview', { clientCode: 'bank-a', kind: 'placement', fileRef: staged.fileRef }));
    expect(p).toMatchObject({ file: 'placement-2026-11.csv', kind: 'placement', headerRow: 1 });
    expect(p.rows).toHaveLength(20);
    expect(p.columns).toContainEqual({ field: 'caseNo', header: '案件编号' });
    expect(p.columns).toContainEqual({ field: 'remarks', header: '备注' });
    expect(p.rows[0]).toMatchObject({ row: 2, caseNo: 'A261100000001', problem: null, values: { idNumber: '3701**********9048', mobile: '139****1641', placedAmount: '152,218.77', stage: 'M7+' } });
    expect(env.count('cases')).toBe(0);
  });

  it('shows a row’s problem in the preview', async () => {
    const staged = await stage('bad', 'mixed-rows.csv');
    const p = value(await env.app.dispatch('import.preview', { clientCode: 'bank-a', kind: 'placement', fileRef: staged.fileRef }));
    expect(p.rows.find((r) => r.row === 16)?.problem).toMatchObject({ field: 'idNumber', code: 'checksum' });
  });

  it('imports in the background with progress, then lists the batch, the import and its rejected rows', async () => {
    const staged = await stage('bad', 'mixed-rows.csv');
    const { jobId } = value(await env.app.dispatch('import.start', { clientCode: 'bank-a', kind: 'placement', fileRef: staged.fileRef, batchNo: 'MIX-1' }));
    // The app keeps answering while the import runs on its own connection.
    expect(value(await env.app.dispatch('app.status', {})).state).toBe('open');
    const done = await finished(jobId);
    expect(done).toMatchObject({ state: 'done', rows: 24, error: null, summary: { accepted: 18, inserted: 18 } });
    expect(existsSync(join(env.dataDir, 'staging', staged.fileRef))).toBe(false);
    const [batch] = value(await env.app.dispatch('batches.list', { clientCode: 'bank-a' }));
    expect(batch).toMatchObject({ batchNo: 'MIX-1', fileName: 'mixed-rows.csv', caseCount: 18, placedAt: '2026-11-01', dueBackAt: '2027-01-31' });
    const [imp] = value(await env.app.dispatch('import.list', {}));
    expect(imp).toMatchObject({ kind: 'placement', fileName: 'mixed-rows.csv', rows: 24, accepted: 18, rejected: 6 });
    const rejects = value(await env.app.dispatch('import.rejects', { importId: imp!.id }));
    expect(rejects.map((r) => [r.row, r.field, r.code])).toEqual([
      [16, 'idNumber', 'checksum'], [17, 'placedAmount', 'negative'], [18, 'caseNo', 'missing'],
      [19, 'caseNo', 'duplicate_in_file'], [20, 'placedAt', 'invalid_date'], [21, 'placedAmount', 'not_a_number'],
    ]);
  });

  it('reports a file refused whole as a failed job, with the reason', async () => {
    const staged = await stage('bad', 'header-only.csv');
    const { jobId } = value(await env.app.dispatch('import.start', { clientCode: 'bank-a', kind: 'placement', fileRef: staged.fileRef }));
    expect(await finished(jobId)).toMatchObject({ state: 'failed', summary: null, error: { code: 'unreadable_file', message: expect.stringMatching(/header-only\.csv/) } });
    expect(env.count('batches')).toBe(0);
  });

  it('refuses a collector, and any file reference that is not a staged file of this data folder', async () => {
    expect(() => resolveStaged(env.dataDir, '../../collectdesk.db')).toThrow(/Unknown file reference/);
    expect(await env.app.dispatch('import.preview', { clientCode: 'bank-a', kind: 'placement', fileRef: '01a20900-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    value(await env.app.dispatch('users.add', { name: 'zhang', displayName: '张三', role: 'collector', password: 'collector-pass' }));
    await env.app.dispatch('auth.signOut', {});
    value(await env.app.dispatch('auth.signIn', { name: 'zhang', password: 'collector-pass' }));
    await expect(stage('bank-a', 'placement-2026-11.csv')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await env.app.dispatch('batches.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
