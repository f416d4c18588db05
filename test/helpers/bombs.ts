import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { constants, crc32, createDeflateRaw } from 'node:zlib';
import iconv from 'iconv-lite';
import { BANK_A_HEADER } from './bank-files';

/**
 * Hostile bank files, generated where they are used (never checked in): a zip whose parts inflate a thousandfold, a
 * sheet with one row that never closes, a CSV with a quote that never closes. The repeated text is fed to the
 * compressor piece by piece, so even a file that inflates to gigabytes is built in little memory.
 */

/** A part's text: given whole, or as a head, a piece repeated `times` (the bulk), and a tail. */
export type PartText = string | { head: string; piece: string; times: number; tail: string };

const u16 = (n: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** A part deflated: its compressed bytes (held: they are small for such text), CRC-32 and inflated size. */
async function deflatePart(text: PartText): Promise<{ data: Buffer; crc: number; size: number }> {
  const z = createDeflateRaw({ level: constants.Z_BEST_SPEED });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = once(z, 'end');
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer): Promise<void> => {
    crc = crc32(b, crc);
    size += b.length;
    if (!z.write(b)) await once(z, 'drain');
  };
  if (typeof text === 'string') await write(Buffer.from(text));
  else {
    await write(Buffer.from(text.head));
    // The bulk in pieces of about 1 MB.
    const per = Math.max(1, Math.floor((1 << 20) / Math.max(1, Buffer.byteLength(text.piece))));
    const block = Buffer.from(text.piece.repeat(per));
    let left = text.times;
    while (left >= per) {
      await write(block);
      left -= per;
    }
    if (left > 0) await write(Buffer.from(text.piece.repeat(left)));
    await write(Buffer.from(text.tail));
  }
  z.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}

/**
 * A zip of these parts (deflated; zip64 sizes when a part inflates past 4 GiB). `declare` overrides the inflated size
 * the directory declares for a part, as a hostile file may.
 */
export async function writeZip(file: string, parts: Record<string, PartText>, declare: Record<string, number> = {}): Promise<void> {
  const body: Buffer[] = [];
  const dir: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const { data, crc, size } = await deflatePart(text);
    const declared = declare[name] ?? size;
    const big = declared > 0xfffffffe;
    const nameBuf = Buffer.from(name);
    const zip64 = big ? Buffer.concat([u16(1), u16(8), Buffer.from(new BigUint64Array([BigInt(declared)]).buffer)]) : Buffer.alloc(0);
    const common = [u16(big ? 45 : 20), u16(0x0800), u16(8), u16(0), u16(0x21), u32(crc), u32(data.length), u32(big ? 0xffffffff : declared), u16(nameBuf.length)];
    const local = Buffer.concat([u32(0x04034b50), ...common, u16(zip64.length), nameBuf, zip64]);
    body.push(local, data);
    dir.push(Buffer.concat([u32(0x02014b50), u16(45), ...common, u16(zip64.length), u16(0), u16(0), u16(0), u32(0), u32(offset), nameBuf, zip64]));
    offset += local.length + data.length;
  }
  const dirBuf = Buffer.concat(dir);
  const n = Object.keys(parts).length;
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(n), u16(n), u32(dirBuf.length), u32(offset), u16(0)]);
  writeFileSync(file, Buffer.concat([...body, dirBuf, end]));
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a workbook of one sheet ("委外清单", as bank-b names it), with shared strings; `sheet` and `shared` are its two big parts. */
export function workbookParts(sheet: PartText, shared: PartText = `<sst xmlns="${NS}"></sst>`): Record<string, PartText> {
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="委外清单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
    'xl/sharedStrings.xml': shared,
  };
}

/** A sheet of these rows of inline strings (row 1 first). */
export function sheetOf(rows: string[][]): string {
  const cell = (v: string, c: number, r: number): string => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`;
  return `<worksheet xmlns="${NS}"><sheetData>${rows.map((cells, i) => `<row r="${i + 1}">${cells.map((v, c) => cell(v, c, i + 1)).join('')}</row>`).join('')}</sheetData></worksheet>`;
}

/** A workbook whose shared strings hold `count` one-letter items (about 17 bytes each once inflated), declaring no count. */
export async function sharedStringsBomb(file: string, count: number): Promise<void> {
  await writeZip(file, workbookParts(sheetOf([['合同号']]), { head: `<sst xmlns="${NS}">`, piece: '<si><t>x</t></si>', times: count, tail: '</sst>' }));
}

/** A workbook whose sheet holds a header row, then one row of about `bytes` that never closes. */
export async function unclosedRowBomb(file: string, bytes: number): Promise<void> {
  const head = sheetOf([['合同号', '借款人']]).replace('</sheetData></worksheet>', '<row r="2"><c r="A2" t="inlineStr"><is><t>');
  await writeZip(file, workbookParts({ head, piece: 'A'.repeat(1024), times: Math.ceil(bytes / 1024), tail: '' }));
}

/** A bank-a CSV (GBK) whose second line opens a quote that is never closed, followed by about `bytes` of text, written as a stream. */
export async function unterminatedQuoteCsv(file: string, bytes: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(iconv.encode(`${BANK_A_HEADER}\r\nA0001,"`, 'gbk'));
  const block = Buffer.from('x'.repeat(1 << 20));
  for (let left = bytes; left > 0; left -= block.length) {
    if (!out.write(left >= block.length ? block : block.subarray(0, left))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
