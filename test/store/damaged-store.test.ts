import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, openSync, readdirSync, readSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_SIZE } from '../../electron/core/db/open';
import { generateCases, writeBankACsv } from '../helpers/bank-files';
import { ROOT, runCliInProcess } from '../helpers/cli';
import { fixture } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * A database file damaged on disk (a bad sector, a copy cut short, a byte flipped): it opens with its passphrase, but
 * some of its pages do not decrypt (their HMAC fails). Every command says the file is damaged — not "wrong
 * passphrase", not "internal" — and changes nothing.
 */
const tmp = makeTempDir();
const data = join(tmp.dir, 'data');
const env = { COLLECTDESK_PASSPHRASE: 'correct horse battery staple', COLLECTDESK_PASSWORD: 'password-123' };
const cli = (...args: string[]) => runCliInProcess([...args, '--json'], env);
const DAMAGED = { ok: false, error: { code: 'damaged', message: expect.stringMatching(/damaged/) } };

/** Flips bytes in the middle of database page `page` (1-based), as a bad sector would. */
function damagePage(file: string, page: number): void {
  const fd = openSync(file, 'r+');
  try {
    const at = (page - 1) * PAGE_SIZE + 200;
    const bytes = Buffer.alloc(64);
    readSync(fd, bytes, 0, bytes.length, at);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    writeSync(fd, bytes, 0, bytes.length, at);
  } finally {
    closeSync(fd);
  }
}

let casesRoot = 0;
beforeAll(async () => {
  for (const args of [
    ['init', '--admin', 'boss', '--data', data],
    ['client', 'add', '--profile', join(ROOT, 'resources/profiles/bank-a.json'), '--data', data],
    ['import', 'placement', '--client', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'), '--data', data],
  ]) expect((await cli(...args)).code, args.join(' ')).toBe(0);
  const { openDatabase } = await import('../../electron/core/db/open');
  const { db } = await openDatabase({ dataDir: data, secret: { passphrase: env.COLLECTDESK_PASSPHRASE } });
  casesRoot = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'cases'").pluck().get() as number;
  db.close();
  copyFileSync(join(data, 'collectdesk.db'), join(tmp.dir, 'intact.db'));
  damagePage(join(data, 'collectdesk.db'), casesRoot);
}, 60_000);
afterAll(() => tmp.cleanup());

describe('a damaged database', () => {
  it('says it is damaged when a command reads the damaged part, and a wrong passphrase is still a wrong passphrase', async () => {
    expect(casesRoot).toBeGreaterThan(1);
    const check = ['check-contact', '--client', 'bank-a', '--case', 'A261100000001', '--channel', 'call', '--party', 'debtor', '--phone', '13900001641', '--at', '2026-11-24T10:00:00+08:00', '--data', data];
    expect((await cli(...check)).json).toMatchObject(DAMAGED);
    const wrong = await runCliInProcess([...check, '--json'], { ...env, COLLECTDESK_PASSPHRASE: 'not the passphrase' });
    expect(wrong.json).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
  });

  it('refuses an import as damaged, and nothing is imported', async () => {
    const file = join(tmp.dir, 'placement-more.csv');
    writeBankACsv(file, generateCases(50, { prefix: 'D' }));
    const r = await cli('import', 'placement', '--client', 'bank-a', file, '--data', data);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'damaged', message: expect.stringMatching(/Nothing was imported/) } });
    const { openDatabase } = await import('../../electron/core/db/open');
    const { db } = await openDatabase({ dataDir: data, secret: { passphrase: env.COLLECTDESK_PASSPHRASE } });
    expect(db.prepare('SELECT count(*) FROM import_files').pluck().get()).toBe(1);
    db.close();
  });

  it('refuses a backup as damaged, and leaves no file behind', async () => {
    const out = join(tmp.dir, 'from-damaged.cdbackup');
    expect((await cli('backup', '--out', out, '--data', data)).json).toMatchObject({ ok: false, error: { code: 'damaged', message: expect.stringMatching(/backup was not written/) } });
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith('from-damaged'))).toEqual([]);
  });

  it('refuses to restore a damaged backup, naming it, and the target folder stays as it was', async () => {
    const file = join(tmp.dir, 'damaged.cdbackup');
    copyFileSync(join(data, 'collectdesk.db'), file);
    const target = join(tmp.dir, 'restored');
    const r = await cli('restore', file, '--data', target);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'damaged', message: expect.stringMatching(/^damaged\.cdbackup is damaged/) } });
    expect(existsSync(target)).toBe(false);
    // The same backup undamaged restores.
    copyFileSync(join(tmp.dir, 'intact.db'), join(tmp.dir, 'intact.cdbackup'));
    expect((await cli('restore', join(tmp.dir, 'intact.cdbackup'), '--data', target)).json).toMatchObject({ ok: true });
  });
});
