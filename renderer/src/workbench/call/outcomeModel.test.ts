import { describe, expect, it } from 'vitest';
import { EMPTY_OUTCOME, isoToLocalInput, proposedNextAction, validateOutcome } from './outcomeModel';

const HOURS = { windowStart: '08:00', windowEnd: '22:00' };
const LIMITS = { balanceFen: 100_000, today: '2026-11-24', dueBackAt: '2027-01-31' };

describe('the outcome form’s next action', () => {
  it('is proposed by the result code, in workstation time', () => {
    const now = new Date('2026-11-24T02:00:00Z'); // 10:00 in Shanghai
    const twelve = isoToLocalInput(new Date('2026-11-24T04:00:00Z'));
    expect(proposedNextAction({ resultCode: 'NO_ANSWER', promiseDate: '' }, HOURS, 'Asia/Shanghai', now)).toBe(twelve);
    expect(proposedNextAction({ resultCode: 'PTP', promiseDate: '2026-11-30' }, HOURS, 'Asia/Shanghai', now)).toBe(isoToLocalInput(new Date('2026-11-30T00:00:00Z')));
    expect(proposedNextAction({ resultCode: 'CALLBACK', promiseDate: '' }, HOURS, 'Asia/Shanghai', now)).toBe('');
    expect(proposedNextAction({ resultCode: '', promiseDate: '' }, HOURS, 'Asia/Shanghai', now)).toBe('');
  });

  it('a callback cannot be saved without its time, nor with a time gone by', () => {
    const callback = { ...EMPTY_OUTCOME, resultCode: 'CALLBACK' as const };
    expect(validateOutcome(callback, 'debtor', LIMITS).nextAction?.key).toBe('wb.outcome.errors.callbackTime');
    expect(validateOutcome({ ...callback, nextAction: '2000-01-01T10:00' }, 'debtor', LIMITS).nextAction?.key).toBe('wb.outcome.errors.callbackPast');
    expect(validateOutcome({ ...callback, nextAction: isoToLocalInput(new Date(Date.now() + 86_400_000)) }, 'debtor', LIMITS).nextAction).toBeUndefined();
    expect(validateOutcome({ ...EMPTY_OUTCOME, resultCode: 'NO_ANSWER' }, 'debtor', LIMITS).nextAction).toBeUndefined();
  });
});
