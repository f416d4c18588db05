import { describe, expect, it } from 'vitest';
import { evidence, featureNames, featuresOf, NoteModel, score, support, textMargin } from './model';

const model: NoteModel = NoteModel.parse({
  version: 1,
  lang: 'zh',
  type: 'multinomial-logistic-regression',
  features: 'char-1-3',
  classes: ['clean', 'threat'],
  bias: [0.5, -0.5],
  weights: { 等着: [-1, 2], 你: [-0.2, 0.4], 还款: [1, -1] },
  thresholds: { block: 0.9, warn: 0.5 },
});

describe('features', () => {
  it('takes character 1–3-grams of Chinese runs and whole Latin words (long numbers folded)', () => {
    expect(featuresOf('你等着 abc 6222021234567', 'char-1-3').map((f) => f.name)).toEqual(['你', '你等', '你等着', '等', '等着', '着', 'abc', '<longnum>']);
  });
  it('takes English words (of the normalised, lower-case note) and bigrams that do not cross punctuation, plus markers', () => {
    expect(featureNames('watch your back. now', 'word-1-2', ['reported'])).toEqual(['watch', 'your', 'watch your', 'back', 'your back', 'now', '#reported']);
  });
});

describe('scores', () => {
  it('gives class probabilities, the prohibited share and the likeliest prohibited class', () => {
    const s = score(model, featureNames('你给我等着', 'char-1-3'));
    expect(s.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(s.category).toBe('threat');
    expect(s.prohibited).toBeGreaterThan(0.9);
    expect(score(model, featureNames('按时还款', 'char-1-3')).prohibited).toBeLessThan(0.1);
  });
  it('tells the words’ own push from the prior, and counts the features behind it', () => {
    expect(textMargin(model, [], 'threat')).toBe(0);
    expect(textMargin(model, ['等着', '你'], 'threat')).toBeCloseTo(3.6);
    expect(support(model, ['等着', '你', '还款'], 'threat')).toBe(2);
  });
  it('finds the stretch of text that carries the category', () => {
    const text = '客户说好，你等着吧';
    const ev = evidence(model, text, 'threat');
    expect(ev && text.slice(ev.from, ev.to)).toBe('你等着');
  });
  it('refuses weights that are not numbers, or rows of the wrong length', () => {
    const base = { ...model, weights: {} };
    expect(() => NoteModel.parse({ ...base, weights: { x: ['1', 2] } })).toThrow(/finite numbers/);
    expect(() => NoteModel.parse({ ...base, weights: { x: [1] } })).toThrow(/one value per class/);
  });
});
