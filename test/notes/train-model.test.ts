import { describe, expect, it } from 'vitest';
import { score } from '../../shared/compliance/screening/model';
import { fit, prune, toModel } from './train-model';

const examples = [
  { features: ['a', 'x'], y: 0 },
  { features: ['a', 'y'], y: 0 },
  { features: ['b', 'x'], y: 1 },
  { features: ['b', 'y'], y: 1 },
];
const base = { version: 1 as const, lang: 'en' as const, type: 'multinomial-logistic-regression' as const, features: 'word-1-2' as const, classes: ['clean', 'bad'], thresholds: { block: 0.9, warn: 0.5 }, training: {} };

describe('the trainer', () => {
  it('learns a separable problem and is deterministic', () => {
    const opts = { l2: 1e-4, epochs: 200, rate: 0.3 };
    const one = toModel(fit(examples, 2, ['a', 'b', 'x', 'y'], opts), base);
    const two = toModel(fit(examples, 2, ['a', 'b', 'x', 'y'], opts), base);
    expect(one).toEqual(two);
    expect(score(one, ['b']).prohibited).toBeGreaterThan(0.9);
    expect(score(one, ['a']).prohibited).toBeLessThan(0.1);
  });
  it('keeps the strongest features when pruning', () => {
    const w = fit(examples, 2, ['a', 'b', 'x', 'y'], { l2: 1e-4, epochs: 200, rate: 0.3 });
    expect(prune(w, 2)).toEqual(['a', 'b']);
  });
});
