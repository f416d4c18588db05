import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { clearStaging, discardStaged, resolveStaged, stagePath, stageStream } from './staging';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('the staging folder of chosen bank files', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  beforeEach(() => {
    tmp = makeTempDir();
    dataDir = join(tmp.dir, 'data');
    mkdirSync(dataDir);
  });
  afterEach(() => tmp.cleanup());

  it('keeps an uploaded or picked file readable by its owner only (0600, in folders 0700)', async () => {
    // A folder made by an earlier version, open to all, is closed too.
    mkdirSync(join(dataDir, 'staging'), { mode: 0o755 });
    chmodSync(join(dataDir, 'staging'), 0o755);
    const uploaded = await stageStream(dataDir, 'placement.csv', Readable.from([Buffer.from('案件编号\nA1\n')]));
    const picked = join(tmp.dir, 'picked.csv');
    writeFileSync(picked, '案件编号\nA2\n', { mode: 0o644 });
    const copied = await stagePath(dataDir, picked);
    expect(mode(join(dataDir, 'staging'))).toBe(0o700);
    for (const staged of [uploaded, copied]) {
      const file = resolveStaged(dataDir, staged.fileRef);
      expect(mode(file)).toBe(0o600);
      expect(mode(join(dataDir, 'staging', staged.fileRef))).toBe(0o700);
    }
  });

  it('discards one file, or clears them all whatever their age', async () => {
    const a = await stageStream(dataDir, 'a.csv', Readable.from([Buffer.from('x')]));
    const b = await stageStream(dataDir, 'b.csv', Readable.from([Buffer.from('y')]));
    discardStaged(dataDir, a.fileRef);
    expect(readdirSync(join(dataDir, 'staging'))).toEqual([b.fileRef]);
    const c = await stageStream(dataDir, 'c.csv', Readable.from([Buffer.from('z')]));
    const old = new Date(Date.now() - 3 * 24 * 3600_000);
    utimesSync(join(dataDir, 'staging', c.fileRef), old, old);
    clearStaging(dataDir);
    expect(readdirSync(join(dataDir, 'staging'))).toEqual([]);
    clearStaging(join(tmp.dir, 'no-such-folder'));
    expect(existsSync(join(tmp.dir, 'no-such-folder'))).toBe(false);
  });
});
