import { describe, expect, it } from 'vitest';
import enLexicon from '../../../resources/rule-packs/screening/en.json' with { type: 'json' };
import zhLexicon from '../../../resources/rule-packs/screening/zh.json' with { type: 'json' };
import { compileLexicon } from './lexicon';

const minimal = {
  lang: 'zh',
  categories: { threat: { rule: 'CN-P', 'zh-CN': '威胁', en: 'threat' } },
  words: { you: '你' },
  speaker: { reported: ['客户说'], addressee: '跟', collector: '我' },
  negation: { cue: '不会', maxGap: 4, breaks: '就' },
  fraudWarning: { patterns: ['诈骗'], categories: [] },
  rules: [{ id: 't', category: 'threat', kind: 'block', all: ['{you}等着'] }],
};

describe('compileLexicon', () => {
  it('compiles the shipped lexicons', () => {
    expect(compileLexicon(zhLexicon).rules.length).toBeGreaterThan(20);
    expect(compileLexicon(enLexicon).rules.length).toBeGreaterThan(10);
  });

  it('expands word classes', () => {
    expect(compileLexicon(minimal).rules[0]?.all[0]?.test('你等着')).toBe(true);
  });

  it.each([
    ['an unknown word class', { rules: [{ id: 't', category: 'threat', kind: 'block', all: ['{nobody}'] }] }, /unknown word class \{nobody\}/],
    ['a word class that refers to itself', { words: { you: '{you}' } }, /refers to itself/],
    ['a rule of an unknown category', { rules: [{ id: 't', category: 'nope', kind: 'block', all: ['你'] }] }, /unknown category nope/],
    ['a bad regular expression', { rules: [{ id: 't', category: 'threat', kind: 'block', all: ['(你'] }] }, /bad pattern "\(你"/],
    ['{channels} inside a pattern', { rules: [{ id: 't', category: 'threat', kind: 'block', all: ['你'], none: ['银行|{channels}'] }] }, /\{channels\} stands alone/],
  ])('refuses %s, naming it', (_what, over, message) => {
    expect(() => compileLexicon({ ...minimal, ...over })).toThrow(message);
  });

  it('refuses a lexicon of the wrong shape', () => {
    expect(() => compileLexicon({ ...minimal, lang: 'fr' })).toThrow();
  });
});
