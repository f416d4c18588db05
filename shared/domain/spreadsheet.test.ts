import { describe, expect, it } from 'vitest';
import { neutraliseCell } from './spreadsheet';

describe('neutraliseCell', () => {
  it('turns formula-like text into plain text and leaves the rest alone', () => {
    expect(neutraliseCell("=CMD|' /C calc'!A0")).toBe("'=CMD|' /C calc'!A0");
    for (const s of ['+1', '-2', '@SUM(A1)', '\t=1']) expect(neutraliseCell(s)).toBe(`'${s}`);
    expect(neutraliseCell('张三')).toBe('张三');
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(null)).toBeNull();
  });
});
