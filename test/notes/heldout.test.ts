import { describe, expect, it } from 'vitest';
import { LANGS, split } from './labelled-notes';
import { measure, screenerFor } from './measure';

/**
 * The quality gate of note screening (COMPLIANCE.md, "Screening notes"), on the held-out split the screener was
 * not tuned on: per language ≥ 90% of prohibited notes blocked, ≥ 95% blocked or sent to review, ≤ 2% of clean
 * notes blocked. Rates, not timings (speed is measured by `npm run bench -- notes`).
 */
describe.each(LANGS)('held-out notes, %s', (lang) => {
  const m = measure(split(lang).heldOut, screenerFor(lang));
  const p = m.totalProhibited;
  const c = m.totalClean;
  const why = () => m.errors.map((e) => `${e.note.label}/${e.note.category} → ${e.result.verdict}: ${e.note.text}`).join('\n');

  it('holds enough notes of each kind to measure', () => {
    expect(p.n).toBeGreaterThanOrEqual(50);
    expect(c.n).toBeGreaterThanOrEqual(50);
  });
  it('blocks at least 90% of prohibited notes', () => {
    expect(p.blocked / p.n, why()).toBeGreaterThanOrEqual(0.9);
  });
  it('blocks or sends to review at least 95% of prohibited notes', () => {
    expect((p.blocked + p.reviewed) / p.n, why()).toBeGreaterThanOrEqual(0.95);
  });
  it('blocks at most 2% of clean notes', () => {
    expect(c.blocked / c.n, why()).toBeLessThanOrEqual(0.02);
  });
});
