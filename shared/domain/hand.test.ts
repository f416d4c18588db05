import { describe, expect, it } from 'vitest';
import { parseHand } from './hand';

describe('a hand as banks write it', () => {
  it('reads the number, with or without 第…手, in digits or numerals', () => {
    expect(['1', '２', '第2手', '3手', '第三手', ' 第 4 手 ', '第十手', '12'].map(parseHand)).toEqual([1, 2, 2, 3, 3, 4, 10, 12]);
  });
  it('is no hand for 0, a fraction or other words', () => {
    expect(['0', '第0手', '1.5', '首手', '手', 'M2', '-1'].map(parseHand)).toEqual([null, null, null, null, null, null, null]);
  });
});
