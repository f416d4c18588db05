import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_ARGS, NODE, ROOT, runCliInProcess } from '../helpers/cli';
import { fixture } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';

const tmp = makeTempDir();
const data = join(tmp.dir, 'data');
const backup = join(tmp.dir, 'nightly.cdbackup');
const env = { COLLECTDESK_PASSPHRASE: 'correct horse battery staple', COLLECTDESK_PASSWORD: 'password-123' };
const cli = (...args: string[]) => runCliInProcess([...args, '--json'], env);

beforeAll(async () => {
  for (const args of [
    ['init', '--admin', 'boss', '--data', data],
    ['client', 'add', '--profile', join(ROOT, 'resources/profiles/bank-a.json'), '--data', data],
    ['import', 'placement', '--client', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'), '--data', data],
    ['backup', '--out', backup, '--data', data],
  ]) expect((await cli(...args)).code, args.join(' ')).toBe(0);
}, 60_000);
afterAll(() => tmp.cleanup());

describe('a restore from the command line that was killed half-way', () => {
  it('is taken up again: the next restore into the same folder clears what the killed one left and restores', async () => {
    const target = join(tmp.dir, 'restored');
    const child = spawn(NODE, [...CLI_ARGS, 'restore', backup, '--data', target, '--json'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // The backup is copied into DATA_DIR/.restoring, then opened there (the key is derived meanwhile): killed then.
    while (!existsSync(join(target, '.restoring', 'collectdesk.db'))) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');
    await exited;
    expect(readdirSync(target)).toEqual(['.restoring']);

    const again = await cli('restore', backup, '--data', target);
    expect(again.json).toMatchObject({ ok: true, dataDir: target });
    expect(readdirSync(target)).toEqual(['collectdesk.db', 'collectdesk.db.anchor']);
    expect((await cli('report', 'kpi', '--client', 'bank-a', '--data', target)).json).toMatchObject({ ok: true, total: { cases: 200 } });
  }, 60_000);

  it('still refuses a folder that holds anything else', async () => {
    const target = join(tmp.dir, 'busy-folder');
    await cli('restore', backup, '--data', target);
    writeFileSync(join(target, 'notes.txt'), 'mine');
    expect((await cli('restore', backup, '--data', target)).json).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('a backup that was killed half-way', () => {
  it('leaves a .partial file that the next backup into that folder removes; one still being written is left alone', async () => {
    const dir = join(tmp.dir, 'backups');
    mkdirSync(dir);
    const orphan = join(dir, 'collectdesk-20261124-0200.cdbackup.partial');
    const growing = join(dir, 'collectdesk-20261124-0300.cdbackup.partial');
    writeFileSync(orphan, 'half a backup');
    writeFileSync(growing, 'a backup being written by another process');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(orphan, hourAgo, hourAgo);
    expect((await cli('backup', '--out', join(dir, 'second.cdbackup'), '--data', data)).json).toMatchObject({ ok: true });
    expect(readdirSync(dir).sort()).toEqual(['collectdesk-20261124-0300.cdbackup.partial', 'second.cdbackup']);
  });
});
