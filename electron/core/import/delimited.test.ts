import { describe, expect, it } from 'vitest';
import { DelimitedParser } from './delimited';
import { LIMITS, LimitExceeded } from './limits';

/** Every record of `text`, fed to the parser in pieces of `chunk` characters as a stream would. */
function records(text: string, chunk = text.length, delimiter = '|'): string[][] {
  const p = new DelimitedParser(delimiter);
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += chunk) p.push(text.slice(i, i + chunk), (r) => out.push(r));
  p.finish((r) => out.push(r));
  return out;
}

describe('DelimitedParser', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, whatever the chunks', () => {
    const text = 'a|b|c\r\n1|"x|y"|"say ""hi"""\r\n2|"two\nlines"|z\r\n';
    const want = [['a', 'b', 'c'], ['1', 'x|y', 'say "hi"'], ['2', 'two\nlines', 'z']];
    for (const chunk of [text.length, 7, 3, 1]) expect(records(text, chunk)).toEqual(want);
  });

  it('gives a line ending with the delimiter one empty last field, with or without a final line break', () => {
    expect(records('a|b|\n1|2|')).toEqual([['a', 'b', ''], ['1', '2', '']]);
    expect(records('a|b|\n1|2|\n')).toEqual([['a', 'b', ''], ['1', '2', '']]);
  });

  it('reads a quote that is never closed as a plain character, so the lines after it stay rows of their own', () => {
    const text = 'a|b\r\n1|"客户称已还款 ""急""\r\n2|ok\r\n3|z\r\n';
    for (const chunk of [text.length, 4]) expect(records(text, chunk)).toEqual([['a', 'b'], ['1', '"客户称已还款 ""急""'], ['2', 'ok'], ['3', 'z']]);
  });

  it('reads a stray quote as a plain character when a later quoted field would close it', () => {
    // The remark's quote meets the opening quote of the next row's amount: read as a quoted field, it would swallow a row.
    const text = 'a|b|c\r\n1|800.00|"客户称已还款\r\n2|"1,234.50"|ok\r\n3|"多行\n备注"|z\r\n4|"2,000.00"|"再""说"\r\n';
    const want = [['a', 'b', 'c'], ['1', '800.00', '"客户称已还款'], ['2', '1,234.50', 'ok'], ['3', '多行\n备注', 'z'], ['4', '2,000.00', '再"说']];
    for (const chunk of [text.length, 11, 5, 1]) expect(records(text, chunk)).toEqual(want);
  });

  it('keeps a quote inside a field as it is, wherever the chunks fall', () => {
    const text = 'a|b\n1|5" 屏幕\n2|"x\ny"\n3|他说"好\n';
    const want = [['a', 'b'], ['1', '5" 屏幕'], ['2', 'x\ny'], ['3', '他说"好']];
    for (const chunk of [text.length, 9, 4, 1]) expect(records(text, chunk)).toEqual(want);
  });

  it('reads any text alike whatever the chunks: quotes opened, closed, doubled, stray or never closed', () => {
    // A deterministic stream of texts made of the characters that matter to the scan.
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed % n;
    };
    const alphabet = ['"', '"', '|', '\n', '\r\n', '\r', 'a', '中', 'bc', '""'];
    for (let t = 0; t < 300; t++) {
      let text = '';
      for (let i = rand(60); i > 0; i--) text += alphabet[rand(alphabet.length)];
      const whole = records(text);
      for (const chunk of [1, 2, 3, 5, 8]) expect(records(text, chunk), JSON.stringify(text)).toEqual(whole);
    }
  });

  it('refuses a record past its cap — a quote never closed, or a line never ended — while the text still streams in', () => {
    for (const start of ['a|b\n1|"open', 'a|b\n1|no line end ']) {
      const p = new DelimitedParser('|', 1000, () => 'row 2');
      const out: string[][] = [];
      let thrown: unknown = null;
      try {
        p.push(start, (r) => out.push(r));
        for (let i = 0; i < 500; i++) p.push('x, "y" '.repeat(2), (r) => out.push(r));
      } catch (err) {
        thrown = err;
      }
      expect(out).toEqual([['a', 'b']]);
      expect(thrown).toBeInstanceOf(LimitExceeded);
      expect(thrown).toMatchObject({ limit: 'rowChars', where: 'row 2', max: 1000 });
    }
  });

  it('reads lines ended by a carriage return alone (old Mac text) as they stream, not as one record', () => {
    const p = new DelimitedParser('|', 1000);
    const out: string[][] = [];
    for (let i = 0; i < 500; i++) p.push(`${i}|x\r`, (r) => out.push(r));
    p.finish((r) => out.push(r));
    expect(out).toHaveLength(500);
    expect(out[499]).toEqual(['499', 'x']);
  });

  it('refuses a record of more fields than Excel has columns', () => {
    expect(() => records(`${'x|'.repeat(LIMITS.columns + 1)}\n`)).toThrow(LimitExceeded);
    expect(records(`${'x|'.repeat(LIMITS.columns - 1)}x\n`)[0]).toHaveLength(LIMITS.columns);
  });
});
