import { softmax, type NoteModel } from '../../shared/compliance/screening/model';

/** One training example: its distinct feature names and its class index (0 = clean). */
export interface Example {
  features: readonly string[];
  y: number;
}

export interface TrainOptions {
  /** L2 penalty per feature weight */
  l2: number;
  epochs: number;
  rate: number;
}

interface Weights {
  bias: number[];
  w: Map<string, number[]>;
}

/**
 * Multinomial logistic regression by full-batch gradient descent with AdaGrad steps: no randomness, the same
 * data always gives the same weights.
 */
export function fit(examples: readonly Example[], classes: number, vocab: readonly string[], opts: TrainOptions): Weights {
  const w = new Map(vocab.map((f) => [f, new Array<number>(classes).fill(0)]));
  const bias = new Array<number>(classes).fill(0);
  const g2 = new Map(vocab.map((f) => [f, new Array<number>(classes).fill(1e-8)]));
  const b2 = new Array<number>(classes).fill(1e-8);
  const n = examples.length;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const grad = new Map<string, number[]>();
    const gb = new Array<number>(classes).fill(0);
    for (const ex of examples) {
      const z = [...bias];
      for (const f of ex.features) {
        const row = w.get(f);
        if (row) for (let k = 0; k < classes; k++) z[k] = (z[k] as number) + (row[k] as number);
      }
      const p = softmax(z);
      for (let k = 0; k < classes; k++) {
        const d = ((p[k] as number) - (k === ex.y ? 1 : 0)) / n;
        gb[k] = (gb[k] as number) + d;
        for (const f of ex.features) {
          if (!w.has(f)) continue;
          let row = grad.get(f);
          if (!row) grad.set(f, (row = new Array<number>(classes).fill(0)));
          row[k] = (row[k] as number) + d;
        }
      }
    }
    for (const [f, row] of w) {
      const g = grad.get(f);
      const acc = g2.get(f) as number[];
      for (let k = 0; k < classes; k++) {
        const gk = (g ? (g[k] as number) : 0) + opts.l2 * (row[k] as number);
        acc[k] = (acc[k] as number) + gk * gk;
        row[k] = (row[k] as number) - (opts.rate * gk) / Math.sqrt(acc[k] as number);
      }
    }
    for (let k = 0; k < classes; k++) {
      b2[k] = (b2[k] as number) + (gb[k] as number) ** 2;
      bias[k] = (bias[k] as number) - (opts.rate * (gb[k] as number)) / Math.sqrt(b2[k] as number);
    }
  }
  return { bias, w };
}

/** The features worth keeping: the `keep` with the largest weight for some class (ties by name, so the choice is stable). */
export function prune(weights: Weights, keep: number): string[] {
  return [...weights.w.entries()]
    .map(([f, row]) => ({ f, size: Math.max(...row.map(Math.abs)) }))
    .sort((a, b) => b.size - a.size || (a.f < b.f ? -1 : a.f > b.f ? 1 : 0))
    .slice(0, keep)
    .map((x) => x.f)
    .sort();
}

export function toModel(weights: Weights, base: Omit<NoteModel, 'bias' | 'weights'>, digits = 3): NoteModel {
  const round = (x: number) => Number(x.toFixed(digits));
  const out: Record<string, number[]> = {};
  for (const f of [...weights.w.keys()].sort()) out[f] = (weights.w.get(f) as number[]).map(round);
  return { ...base, bias: weights.bias.map(round), weights: out };
}
