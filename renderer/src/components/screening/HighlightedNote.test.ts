import { describe, expect, it } from 'vitest';
import { layoutSpans } from './HighlightedNote';

describe('layoutSpans: the marks of a note', () => {
  const text = '跟他说再不还就让他好看，转给我';
  it('keeps the wider of two nested findings, in the order of the text', () => {
    const spans = layoutSpans(text, [
      { start: 12, end: 15, kind: 'warn', category: 'nonBankPayment' },
      { start: 7, end: 11, kind: 'block', category: 'threat' },
      { start: 3, end: 11, kind: 'block', category: 'threat' },
    ]);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['再不还就让他好看', '转给我']);
  });

  it('gives an overlap to the block and trims the warn; drops spans outside the text', () => {
    const spans = layoutSpans(text, [
      { start: 0, end: 5, kind: 'warn', category: 'exposure' },
      { start: 3, end: 11, kind: 'block', category: 'threat' },
      { start: 14, end: 40, kind: 'warn', category: 'nonBankPayment' },
    ]);
    expect(spans).toEqual([
      { start: 0, end: 3, kind: 'warn', category: 'exposure' },
      { start: 3, end: 11, kind: 'block', category: 'threat' },
    ]);
  });
});
