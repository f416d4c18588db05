import { describe, expect, it } from 'vitest';
import { normaliseStage, stageFromDays } from './stage';

describe('normaliseStage', () => {
  it('reads M-stages and periods overdue, also with the bank’s note after the stage', () => {
    const cases: [string, string | null][] = [
      ['M3', 'M3'], ['m3', 'M3'], ['３', 'M3'], ['M8', 'M7+'], ['M7+', 'M7+'], ['0', 'M0'], [' ', null],
      ['M3(91-120天)', 'M3'], ['M4（91-120天）', 'M4'], ['M3 91-120', 'M3'], ['M7+(180天以上)', 'M7+'], ['M2逾期', 'M2'],
    ];
    for (const [raw, want] of cases) expect(normaliseStage(raw), raw).toBe(want);
  });

  it('keeps any other word as the bank wrote it', () => {
    for (const raw of ['催收一期', 'MX', 'M3A', '3期']) expect(normaliseStage(raw), raw).toBe(raw);
  });

  it('derives the stage from days overdue', () => {
    expect([0, 1, 30, 31, 95, 181, 400].map(stageFromDays)).toEqual(['M0', 'M1', 'M1', 'M2', 'M4', 'M7+', 'M7+']);
  });
});
