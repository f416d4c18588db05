import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { CoreApp } from '../../electron/core/app/core-app';
import { generateCases, writeBankACsv } from '../helpers/bank-files';
import { ROOT, runCliInProcess } from '../helpers/cli';
import { value } from '../helpers/core';
import { fixture } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';
import { fillDisk, mountTinyDisk } from '../helpers/tiny-disk';

/**
 * The disk that holds the data folder runs full (a real, small tmpfs): an import, a backup, an upload and a restore
 * each say "the disk is full" (`disk_full`) and change nothing. Skipped where no file system can be mounted.
 */
const tmp = makeTempDir();
const disk = mountTinyDisk(join(tmp.dir, 'disk'), 8);
const data = join(tmp.dir, 'disk', 'data');
const env = { COLLECTDESK_PASSPHRASE: 'correct horse battery staple', COLLECTDESK_PASSWORD: 'password-123' };
const cli = (...args: string[]) => runCliInProcess([...args, '--json'], env);
const FULL = (what: RegExp) => ({ ok: false, error: { code: 'disk_full', message: expect.stringMatching(what) } });

describe.runIf(disk !== null)('a full disk', () => {
  let app: CoreApp;
  let filler: ReturnType<typeof fillDisk>;
  let backup: string;
  const bigFile = join(tmp.dir, 'placement-more.csv');
  beforeAll(async () => {
    for (const args of [
      ['init', '--admin', 'boss', '--data', data],
      ['client', 'add', '--profile', join(ROOT, 'resources/profiles/bank-a.json'), '--data', data],
      ['import', 'placement', '--client', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'), '--data', data],
    ]) expect((await cli(...args)).code, args.join(' ')).toBe(0);
    backup = join(tmp.dir, 'nightly.cdbackup');
    expect((await cli('backup', '--out', backup, '--data', data)).code).toBe(0);
    writeBankACsv(bigFile, generateCases(3000, { prefix: 'F' }));
    app = new CoreApp({ dataDir: data, via: 'web' });
    value(await app.dispatch('app.unlock', { passphrase: env.COLLECTDESK_PASSPHRASE }));
    value(await app.dispatch('auth.signIn', { name: 'boss', password: env.COLLECTDESK_PASSWORD }));
    filler = fillDisk(join(tmp.dir, 'disk'), 48 * 1024);
  }, 60_000);
  afterAll(() => {
    app?.close();
    disk?.unmount();
    tmp.cleanup();
  });

  it('refuses an import: "the disk is full", nothing imported', async () => {
    const r = await cli('import', 'placement', '--client', 'bank-a', bigFile, '--data', data);
    expect(r.json).toMatchObject(FULL(/disk is full.*Nothing was imported/));
  });

  it('refuses a backup: "the disk is full", no file left behind', async () => {
    const out = join(tmp.dir, 'disk', 'full.cdbackup');
    expect((await cli('backup', '--out', out, '--data', data)).json).toMatchObject(FULL(/disk is full.*backup was not written/));
    expect(readdirSync(join(tmp.dir, 'disk')).sort()).toEqual(['data', 'filler.bin']);
  });

  it('refuses an upload to stage: "the disk is full", no staged file left behind', async () => {
    const body = Readable.from((function* () {
      for (let i = 0; i < 64; i++) yield Buffer.alloc(16 * 1024, 0x41);
    })());
    const err = await app.stageUpload('placement.csv', body).catch((e: unknown) => e);
    const { toApiError } = await import('../../electron/core/errors');
    expect(toApiError(err)).toMatchObject({ code: 'disk_full', message: expect.stringMatching(/disk is full/) });
    expect(existsSync(join(data, 'staging')) ? readdirSync(join(data, 'staging')) : []).toEqual([]);
  });

  it('refuses a restore: "the disk is full", the target folder as it was', async () => {
    const target = join(tmp.dir, 'disk', 'restored');
    expect((await cli('restore', backup, '--data', target)).json).toMatchObject(FULL(/disk is full.*Nothing was restored/));
    expect(existsSync(target)).toBe(false);
  });

  it('changed nothing: with space again, the store is as before and takes the import', async () => {
    filler.release();
    app.close();
    expect((await cli('report', 'kpi', '--client', 'bank-a', '--data', data)).json).toMatchObject({ ok: true, total: { cases: 200 } });
    expect((await cli('audit', 'verify', '--data', data)).json).toMatchObject({ ok: true, intact: true });
    expect((await cli('import', 'placement', '--client', 'bank-a', bigFile, '--data', data)).json).toMatchObject({ ok: true, accepted: 3000 });
  });
});
