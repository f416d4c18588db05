import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCliInProcess, ROOT } from '../helpers/cli';
import { fixture } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';

const tmp = makeTempDir();
const data = join(tmp.dir, 'data');
const env = { COLLECTDESK_PASSPHRASE: 'correct horse battery staple', COLLECTDESK_PASSWORD: 'password-123' };
const cli = (...args: string[]) => runCliInProcess([...args, '--json'], env);

beforeAll(async () => {
  for (const args of [
    ['init', '--admin', 'boss', '--data', data],
    ['client', 'add', '--profile', join(ROOT, 'resources/profiles/bank-a.json'), '--data', data],
    ['import', 'placement', '--client', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'), '--data', data],
  ]) expect((await cli(...args)).code).toBe(0);
});
afterAll(() => tmp.cleanup());

describe('backup, restore, purge and audit verify from the command line', () => {
  it('backs up, refuses to restore over a non-empty folder, restores into a new one, and the chain holds there', async () => {
    const file = join(tmp.dir, 'nightly.cdbackup');
    const b = await cli('backup', '--out', file, '--data', data);
    expect(b.json).toMatchObject({ ok: true, file, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await cli('restore', file, '--data', data)).json).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const wrong = await runCliInProcess(['restore', file, '--data', join(tmp.dir, 'x'), '--json'], { ...env, COLLECTDESK_PASSPHRASE: 'wrong passphrase' });
    expect(wrong.json).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    const target = join(tmp.dir, 'restored');
    expect((await cli('restore', file, '--data', target)).json).toMatchObject({ ok: true, dataDir: target });
    expect((await cli('audit', 'verify', '--data', target)).json).toMatchObject({ ok: true, intact: true });
    expect((await cli('report', 'kpi', '--client', 'bank-a', '--data', target)).json).toMatchObject({ total: { cases: 200 } });
  });

  it('purge says when nothing is due', async () => {
    expect((await cli('purge', '--data', data)).json).toEqual({ ok: true, cases: 0, debtors: 0, vacuumed: false });
  });

  it('purge --preview says what a purge would touch and writes nothing', async () => {
    const p = await cli('purge', '--preview', '--data', data);
    expect(p.json).toMatchObject({ ok: true, cases: 0, debtors: 0, byBatch: [], held: { cases: 0, debtors: 0 } });
    expect((p.json as { retention: { clientCode: string; purgeAfterDays: number }[] }).retention).toEqual(expect.arrayContaining([expect.objectContaining({ clientCode: 'bank-a', purgeAfterDays: 90 })]));
  });
});
