import { describe, expect, it } from 'vitest';
import enLexicon from '../../../resources/rule-packs/screening/en.json' with { type: 'json' };
import zhLexicon from '../../../resources/rule-packs/screening/zh.json' with { type: 'json' };
import { isNegated, isReported, splitClauses } from './clauses';
import { compileLexicon } from './lexicon';
import { normalizeNote } from './normalize';

const zh = compileLexicon(zhLexicon);
const en = compileLexicon(enLexicon);
const clausesOf = (text: string, lex = zh) => splitClauses(normalizeNote(text, lex.rewrites).text, lex);
/** Whether the words `w` of the note are reported speech. */
const reportedAt = (text: string, w: string, lex = zh) => {
  const t = normalizeNote(text, lex.rewrites).text;
  const at = t.indexOf(w);
  const c = splitClauses(t, lex).find((x) => at >= x.start && at < x.end);
  return c ? isReported(c, at) : null;
};
const negatedAt = (text: string, w: string, lex = zh) => {
  const t = normalizeNote(text, lex.rewrites).text;
  const at = t.indexOf(w);
  const c = splitClauses(t, lex).find((x) => at >= x.start && at < x.end);
  return c ? isNegated(c, at - c.start, lex) : null;
};

describe('clauses and sentences', () => {
  it('splits at commas and stops, never inside a quotation or a number', () => {
    const c = clausesOf('客户称：“我不还。你们告吧”，已记录。欠款3,400元');
    expect(c.map((x) => x.text)).toEqual(['客户称:', '“我不还。你们告吧”,', '已记录。', '欠款3,400元']);
    expect(clausesOf('Told him to get his sh!t together. Then hung up', en).map((x) => x.sentence)).toEqual([0, 1]);
  });
});

describe('who speaks', () => {
  it.each([
    ['客户称之前有人说要去他家', '去他家', true],
    ['客户称之前有人说要去他家，已说明我司不会上门', '不会上门', false],
    ['跟客户说再不还就去他家', '去他家', false],
    ['告诉他再不还就上门', '上门', false],
    ['客户说没钱，我说那你就等着吧', '等着', false],
    ['客户情绪激动，骂我们是骗子', '骗子', true],
    ['去他单位找了他的主管，把他欠款的事说了', '欠款', false],
    ['他说自己不是老赖', '老赖', true],
  ])('zh "%s": "%s" reported %s', (text, w, expected) => expect(reportedAt(text, w)).toBe(expected));

  it.each([
    ['Consumer said the last agency threatened to call her boss', 'boss', true],
    ['Told consumer we will call her boss', 'boss', false],
    ['Cons stated he is afraid; assured him we will not call his boss', 'boss', false],
    ['Called cons an a**hole after he cursed', 'a**hole', false],
    ['Per consumer, his wife knows about the debt', 'wife', true],
  ])('en "%s": "%s" reported %s', (text, w, expected) => expect(reportedAt(text, w, en)).toBe(expected));

  it('marks a warning against fraud', () => {
    expect(clausesOf('提醒客户谨防冒充公检法的诈骗电话').every((c) => c.fraudWarning)).toBe(true);
    expect(clausesOf('我们是公安局的，你涉嫌诈骗').some((c) => c.fraudWarning)).toBe(false);
    expect(clausesOf('Warned consumer about scam calls claiming to be the IRS', en).every((c) => c.fraudWarning)).toBe(true);
  });
});

describe('negation', () => {
  it.each([
    ['我司不会联系其家人', '联系', true],
    ['未向其单位透露欠款', '透露', true],
    ['我们不收现金', '收现金', true],
    ['不还钱我们就上门', '上门', false],
    ['不还钱我们上你家', '上你家', false],
    ['你不怕你爸妈知道吗', '知道', false],
  ])('zh "%s": "%s" negated %s', (text, w, expected) => expect(negatedAt(text, w)).toBe(expected));

  it.each([
    ['We will not contact your employer', 'contact', true],
    ['Did not disclose the debt to the neighbor', 'disclose', true],
    ['If you do not pay we will call your boss', 'call', false],
    ['Told her husband that she has not paid her bill', 'bill', false],
  ])('en "%s": "%s" negated %s', (text, w, expected) => expect(negatedAt(text, w, en)).toBe(expected));
});
