import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeZip } from '../../../test/helpers/bombs';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { LimitExceeded } from './limits';
import { ZipReader } from './xlsx-zip';

/** Inflates a part to its end (or its refusal). */
async function drain(zip: ZipReader, name: string): Promise<number> {
  const entry = zip.entries.get(name);
  if (!entry) throw new Error(`no ${name}`);
  let n = 0;
  for await (const chunk of zip.bytes(entry)) n += chunk.length;
  return n;
}

describe('ZipReader counts what it inflates', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let file: string;
  const caps = { partBytes: 4 << 20, totalBytes: 5 << 20, metadataBytes: 1 << 20 };
  beforeAll(async () => {
    tmp = makeTempDir();
    file = join(tmp.dir, 'parts.zip');
    // Each part declares 100 bytes, as a hostile file may: the reader counts what it inflates, not what is declared.
    const part = (mb: number) => ({ head: '', piece: 'z'.repeat(1024), times: mb * 1024, tail: '' });
    await writeZip(file, { 'a.xml': part(3), 'b.xml': part(3), 'big.xml': part(5), 'meta.xml': part(2) }, { 'a.xml': 100, 'b.xml': 100, 'big.xml': 100, 'meta.xml': 100 });
  });
  afterAll(() => tmp.cleanup());

  it('refuses a part past the part cap while inflating it, however small its declared size', async () => {
    await expect(drain(new ZipReader(file, undefined, caps), 'big.xml')).rejects.toMatchObject({ limit: 'partBytes', where: 'its part big.xml', max: 4 << 20 });
  });

  it('refuses the parts together past the total cap; a part read twice counts once', async () => {
    const zip = new ZipReader(file, undefined, caps);
    expect(await drain(zip, 'a.xml')).toBe(3 << 20);
    expect(await drain(zip, 'a.xml')).toBe(3 << 20);
    await expect(drain(zip, 'b.xml')).rejects.toMatchObject({ limit: 'totalBytes', max: 5 << 20 });
    expect(new LimitExceeded('totalBytes', '', 5 << 20).message).toMatch(/^its parts unpack to more than 5,242,880 bytes in all/);
    await expect(drain(new ZipReader(file, undefined, caps), 'b.xml')).resolves.toBe(3 << 20);
  });

  it('refuses a part read whole past the metadata cap', async () => {
    const zip = new ZipReader(file, undefined, caps);
    const entry = zip.entries.get('meta.xml');
    if (!entry) throw new Error('no meta.xml');
    await expect(zip.whole(entry)).rejects.toMatchObject({ limit: 'metadataBytes', where: 'its part meta.xml' });
  });

  it('stops at the next chunk once cancelled', async () => {
    const controller = new AbortController();
    const zip = new ZipReader(file, controller.signal, caps);
    const entry = zip.entries.get('a.xml');
    if (!entry) throw new Error('no a.xml');
    let chunks = 0;
    await expect(
      (async () => {
        for await (const chunk of zip.bytes(entry)) {
          void chunk;
          if (++chunks === 2) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(chunks).toBe(2);
  });
});
