import { describe, expect, it } from 'vitest';
import { attributes, childContent, elements, itemText, nextOpen, startTag } from './xml-scan';

describe('the XML pieces of a workbook', () => {
  it('reads a start tag’s attributes: prefixes dropped, either quote, spaces around =, entities decoded', () => {
    expect(attributes(`<sheet name="委外&amp;清单" sheetId='1' r:id = "rId1"/>`)).toEqual({ name: '委外&清单', sheetId: '1', id: 'rId1' });
    expect(attributes('<c\n r="B7"\tt="s">')).toEqual({ r: 'B7', t: 's' });
    expect(attributes('<c r="B7" t="unclosed>')).toEqual({ r: 'B7' });
  });

  it('finds elements by local name, whatever the prefix, and not a longer name', () => {
    expect(nextOpen('<rowBreaks/><x:row r="1">', 'row', 0)).toEqual({ start: 12, prefix: 'x:', nameEnd: 18 });
    expect(startTag('<x:c r="A1"/>', 'c', 0)).toEqual({ start: 0, prefix: 'x:', end: 13, selfClosing: true });
    expect(startTag('<c r="A1" ', 'c', 0)).toBeNull();
    expect(elements('<sheets><sheet name="a"/><sheet name="b"></sheet><sheetPr/></sheets>', 'sheet')).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(childContent('<x:f>SUM(A1)</x:f><x:v>3</x:v>', 'v')).toBe('3');
    expect(childContent('<f>SUM(A1)</f>', 'v')).toBeUndefined();
  });

  it('reads a string item: runs joined, phonetic runs left out, entities decoded', () => {
    expect(itemText('<si><t>张三</t></si>')).toBe('张三');
    expect(itemText('<t>a&lt;b&#x4e09;&#19977;</t>')).toBe('a<b三三');
    expect(itemText('<si><r><t>张</t></r><r><rPr/><t xml:space="preserve"> 三</t></r><rPh sb="0" eb="1"><t>チョウ</t></rPh></si>')).toBe('张 三');
    expect(itemText('<si><rPh><t>x</t></rPh><t>y</t><rPh><t>z</t></rPh></si>')).toBe('y');
    expect(itemText('<si><t/></si>')).toBe('');
  });
});
