import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { throwIfCancelled } from './cancel';
import { LIMITS, LimitExceeded } from './limits';

/** The zip container of an .xlsx: its central directory read directly, and one entry's text, inflated as it streams. */

/** Something in the file is not a workbook as expected: the caller refuses the file as unreadable. */
export class XlsxFormatError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** the inflated size the zip declares (a damaged or hostile file may declare less than it holds) */
  size: number;
  localHeaderOffset: number;
}

export function fail(what: string): never {
  throw new XlsxFormatError(what);
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  if (n !== length) fail('the zip is truncated');
  return buf;
}

/** The zip's central directory (zip64 included): entry name → where its data is. */
export function readZipDirectory(file: string): Map<string, ZipEntry> {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = readAt(fd, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) fail('no zip end of central directory');
    let count = tail.readUInt16LE(eocd + 10);
    let dirSize = tail.readUInt32LE(eocd + 12);
    let dirOffset = tail.readUInt32LE(eocd + 16);
    if ((count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === 0x07064b50) {
      const z64 = readAt(fd, Number(tail.readBigUInt64LE(eocd - 20 + 8)), 56);
      if (z64.readUInt32LE(0) !== 0x06064b50) fail('bad zip64 end of central directory');
      count = Number(z64.readBigUInt64LE(32));
      dirSize = Number(z64.readBigUInt64LE(40));
      dirOffset = Number(z64.readBigUInt64LE(48));
    }
    if (dirOffset + dirSize > size) fail('the zip directory lies outside the file');
    if (dirSize > LIMITS.metadataBytes) throw new LimitExceeded('metadataBytes', 'its zip directory');
    const dir = readAt(fd, dirOffset, dirSize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) fail('bad zip directory entry');
      const method = dir.readUInt16LE(p + 10);
      let compressedSize = dir.readUInt32LE(p + 20);
      let size = dir.readUInt32LE(p + 24);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      let localHeaderOffset = dir.readUInt32LE(p + 42);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      // Zip64 sizes and offset, in the order of the fields that overflowed.
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        const id = dir.readUInt16LE(e);
        const len = dir.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (size === 0xffffffff) {
            size = Number(dir.readBigUInt64LE(q));
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = Number(dir.readBigUInt64LE(q));
            q += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(dir.readBigUInt64LE(q));
        }
        e += 4 + len;
      }
      entries.set(name, { name, method, compressedSize, size, localHeaderOffset });
      p = extraEnd + commentLength;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the parts of one workbook, counting what it inflates: a part past LIMITS.partBytes, or all the parts read past
 * LIMITS.totalBytes, throws LimitExceeded as soon as the cap is passed (a part that declares more is refused before
 * it is inflated). A part read twice (the sheet: its merged cells, then its rows) counts once. With a signal, a
 * cancelled read stops at the next chunk.
 */
export class ZipReader {
  readonly entries: Map<string, ZipEntry>;
  /** the most inflated of each part so far */
  private readonly inflated = new Map<string, number>();
  private total = 0;

  constructor(
    readonly file: string,
    private readonly signal?: AbortSignal,
    /** the caps (LIMITS; a test gives smaller ones) */
    private readonly limits: Pick<typeof LIMITS, 'partBytes' | 'totalBytes' | 'metadataBytes'> = LIMITS,
  ) {
    this.entries = readZipDirectory(file);
  }

  /** The bytes of a part, inflated as they stream, in chunks. */
  async *bytes(entry: ZipEntry): AsyncGenerator<Buffer> {
    if (entry.size > this.limits.partBytes) throw new LimitExceeded('partBytes', `its part ${entry.name}`, this.limits.partBytes);
    let n = 0;
    for await (const chunk of entryBytes(this.file, entry)) {
      throwIfCancelled(this.signal);
      n += chunk.length;
      this.count(entry.name, n);
      yield chunk;
    }
  }

  /** The text of a part, decoded as UTF-8 while it is inflated, in chunks. */
  async *text(entry: ZipEntry): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of this.bytes(entry)) yield decoder.decode(chunk, { stream: true });
    const rest = decoder.decode();
    if (rest) yield rest;
  }

  /** The text of a part read whole (the workbook, its relationships, its styles): at most `max` bytes. */
  async whole(entry: ZipEntry): Promise<string> {
    const max = this.limits.metadataBytes;
    if (entry.size > max) throw new LimitExceeded('metadataBytes', `its part ${entry.name}`, max);
    const chunks: Buffer[] = [];
    let n = 0;
    for await (const chunk of this.bytes(entry)) {
      n += chunk.length;
      if (n > max) throw new LimitExceeded('metadataBytes', `its part ${entry.name}`, max);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private count(name: string, n: number): void {
    const before = this.inflated.get(name) ?? 0;
    if (n <= before) return;
    if (n > this.limits.partBytes) throw new LimitExceeded('partBytes', `its part ${name}`, this.limits.partBytes);
    this.total += n - before;
    this.inflated.set(name, n);
    if (this.total > this.limits.totalBytes) throw new LimitExceeded('totalBytes', '', this.limits.totalBytes);
  }
}

/** The bytes of a zip entry, inflated as they stream, in chunks. */
async function* entryBytes(file: string, entry: ZipEntry): AsyncGenerator<Buffer> {
  const fd = openSync(file, 'r');
  let start: number;
  try {
    const local = readAt(fd, entry.localHeaderOffset, 30);
    if (local.readUInt32LE(0) !== 0x04034b50) fail(`bad zip entry header for ${entry.name}`);
    start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    closeSync(fd);
  }
  if (entry.method !== 0 && entry.method !== 8) fail(`${entry.name} uses zip compression method ${entry.method}`);
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(file, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 18 });
  const source: AsyncIterable<Buffer> = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 1 << 18 })) : raw;
  try {
    yield* source;
  } finally {
    raw.destroy();
  }
}
