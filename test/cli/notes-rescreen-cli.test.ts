import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from '../../shared/domain/ids';
import { openDatabase } from '../../electron/core/db/open';
import { runCliInProcess, ROOT } from '../helpers/cli';
import { fixture } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';

/** `notes rescreen`: past notes screened again with the current pack, new findings queued once, nothing changed. */
const tmp = makeTempDir();
const data = join(tmp.dir, 'data');
const PASS = 'correct horse battery staple';
const env = { COLLECTDESK_PASSPHRASE: PASS, COLLECTDESK_PASSWORD: 'password-123' };
const cli = (...args: string[]) => runCliInProcess([...args, '--data', data, '--json'], env);
const rows = new TextDecoder('gbk').decode(readFileSync(fixture('bank-a', 'placement-2026-11.csv'))).trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
const first = rows[0]!;

async function inStore<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => T): Promise<T> {
  const { db } = await openDatabase({ dataDir: data, secret: { passphrase: PASS } });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  for (const args of [
    ['init', '--admin', 'boss'],
    ['user', 'add', '--name', 'zhang', '--role', 'collector'],
    ['user', 'add', '--name', 'wang', '--role', 'lead'],
    ['client', 'add', '--profile', join(ROOT, 'resources/profiles/bank-a.json')],
    ['import', 'placement', '--client', 'bank-a', fixture('bank-a', 'placement-2026-11.csv')],
    ['assign', '--client', 'bank-a', '--to', 'zhang'],
    // A borderline note recorded with its reason: a warn, queued when it is recorded.
    ['activity', 'add', '--client', 'bank-a', '--case', first[0]!, '--as', 'zhang', '--channel', 'call', '--party', 'debtor', '--phone', first[4]!, '--at', '2026-11-24T10:00:00+08:00', '--result', 'REFUSED', '--confirm', 'CN-ID,CN-RPC,CN-R1', '--notes', '客户问能否还到我们公司账户', '--reason', '客户自己提问'],
  ]) {
    const r = await cli(...args);
    expect(r.code, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
  }
  // A note an older pack let through, as it sits in the store.
  await inStore((db) => {
    const c = db.prepare('SELECT id, debtor_id, assigned_to FROM cases WHERE case_no = ?').get(first[0]) as { id: string; debtor_id: string; assigned_to: string };
    db.prepare(`INSERT INTO activities (id, case_id, debtor_id, collector_id, channel, party, started_at, recorded_at, result_code, notes, created_by) VALUES (?, ?, ?, ?, 'call', 'debtor', ?, ?, 'REFUSED', ?, ?)`).run(
      uuidv7(), c.id, c.debtor_id, c.assigned_to, '2026-11-20T03:00:00.000Z', '2026-11-20T03:05:00.000Z', '跟他说再不还就让他好看', c.assigned_to,
    );
  });
});
afterAll(() => tmp.cleanup());

describe('notes rescreen', () => {
  it('queues the new finding once, counts the one already queued, and changes no note', async () => {
    const before = await inStore((db) => db.prepare('SELECT id, notes, verdicts FROM activities ORDER BY id').all());
    const r = await cli('notes', 'rescreen', '--client', 'bank-a', '--as', 'wang');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.json).toMatchObject({ ok: true, client: 'bank-a', pack: expect.stringMatching(/^cn-2026@/), screened: 2, flagged: 2, added: 1, alreadyQueued: 1 });
    expect((r.json as { findings: unknown[] }).findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ caseNo: first[0], rule: 'CN-P', category: 'threat', kind: 'block', match: '再不还就让他好看', added: true })]),
    );
    const again = await cli('notes', 'rescreen', '--client', 'bank-a');
    expect(again.json).toMatchObject({ ok: true, screened: 2, added: 0, alreadyQueued: 2 });
    expect(await inStore((db) => db.prepare('SELECT count(*) AS n FROM review_items').get())).toEqual({ n: 2 });
    expect(await inStore((db) => db.prepare('SELECT id, notes, verdicts FROM activities ORDER BY id').all())).toEqual(before);
  });

  it('takes a period in the client’s zone and says what is wrong with bad input', async () => {
    expect((await cli('notes', 'rescreen', '--client', 'bank-a', '--from', '2026-11-24', '--to', '2026-11-24')).json).toMatchObject({ ok: true, screened: 1, added: 0 });
    const order = await cli('notes', 'rescreen', '--client', 'bank-a', '--from', '2026-11-25', '--to', '2026-11-24');
    expect(order.code).toBe(1);
    expect(order.json).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '--from (2026-11-25) is after --to (2026-11-24).' } });
    expect((await cli('notes', 'rescreen', '--client', 'bank-a', '--from', '24.11.2026')).code).toBe(2);
    expect((await cli('notes', 'rescreen')).code).toBe(2);
    const unknown = await cli('notes', 'rescreen', '--client', 'bank-z');
    expect(unknown).toMatchObject({ code: 1, json: { ok: false, error: { code: 'not_found' } } });
    const collector = await cli('notes', 'rescreen', '--client', 'bank-a', '--as', 'zhang');
    expect(collector).toMatchObject({ code: 1, json: { ok: false, error: { code: 'forbidden' } } });
  });
});
