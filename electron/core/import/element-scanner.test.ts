import { describe, expect, it } from 'vitest';
import { ElementScanner } from './element-scanner';
import { LimitExceeded } from './limits';

/** Every element of `xml` cut by a scanner fed `xml` in pieces of `chunk` characters. */
function cut(xml: string, chunk: number, local = 'row', max?: number): string[] {
  const s = new ElementScanner(local, max, (head) => `at ${head.slice(0, 12)}`);
  const out: string[] = [];
  for (let i = 0; i < xml.length; i += chunk) out.push(...s.push(xml.slice(i, i + chunk)));
  return out;
}

describe('ElementScanner', () => {
  const rows = ['<row r="1"><c r="A1"><v>1</v></c></row>', '<row r="2" spans="1:2"/>', '<x:row r="3"><x:c><x:v>a&lt;b</x:v></x:c></x:row>', '<row\nr="4">文本</row>'];
  const xml = `<worksheet><sheetData>${rows.join('\n')}<rowBreaks count="1"/></sheetData></worksheet>`;

  it('cuts the same whole elements wherever the chunks fall, leaving alike names (rowBreaks) alone', () => {
    for (const chunk of [xml.length, 50, 13, 7, 3, 1]) expect(cut(xml, chunk)).toEqual(rows);
  });

  it('takes an element longer than many chunks whole, once it ends', () => {
    const long = `<row r="9"><c><v>${'x'.repeat(5000)}</v></c></row>`;
    for (const chunk of [64, 5, 1]) expect(cut(`<sheetData>${long}<row r="10"/></sheetData>`, chunk)).toEqual([long, '<row r="10"/>']);
  });

  it('refuses an element longer than its cap, saying where it starts, without waiting for its end', () => {
    const s = new ElementScanner('row', 1000, (head) => `row ${/r="(\d+)"/.exec(head)?.[1]}`);
    expect(s.push('<sheetData><row r="1"/><row r="2"><c><v>')).toEqual(['<row r="1"/>']);
    let thrown: unknown = null;
    try {
      for (let i = 0; i < 200; i++) s.push('y'.repeat(10));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(LimitExceeded);
    expect(thrown).toMatchObject({ limit: 'rowChars', where: 'row 2', max: 1000 });
  });

  it('refuses a start tag that never ends as an element too long', () => {
    expect(() => cut(`<row r="5" ${'a="b" '.repeat(400)}`, 16, 'row', 1000)).toThrow(LimitExceeded);
  });

  it('keeps no more than a possible cut start tag between elements', () => {
    // Text outside any element (a huge <cols> list, say) is not kept from chunk to chunk.
    const s = new ElementScanner('row', 100);
    for (let i = 0; i < 100; i++) expect(s.push(`<col min="${i}" max="${i}" width="9"/>`.repeat(10))).toEqual([]);
    expect(s.push('<row r="1"/>')).toEqual(['<row r="1"/>']);
  });
});
