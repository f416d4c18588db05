import { describe, expect, it } from 'vitest';
import type { BankRow } from '../../../../shared/contract/banks';
import { draftOf, parsePercent, parseYuan, percentText, toUpdate } from './settingsForm';

const BANK: BankRow = {
  code: 'bank-a', name: '示例银行A', rulePack: 'cn-2026', timezone: 'Asia/Shanghai', kinds: ['placement'],
  commission: { rates: [{ stage: 'M3', rate: 0.1 }], defaultRate: 0.085 }, waiverLimitFen: 5_000_000, retentionDays: null, retentionDefaultDays: 90,
  sync: null, secretSet: false, syncOn: false, cases: 0, updatedAt: '2026-12-07T00:00:00Z',
};

describe('the Banks settings form', () => {
  it('reads percentages and yuan without floating-point drift', () => {
    expect(parsePercent('8.5')).toBe(0.085);
    expect(parsePercent('100')).toBe(1);
    expect(parsePercent('100.1')).toBeNull();
    expect(parsePercent('abc')).toBeNull();
    expect(percentText(0.085)).toBe('8.5');
    expect(parseYuan('8,000.10')).toBe(800_010);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('-1')).toBeNull();
    expect(parseYuan('1.234')).toBeNull();
  });

  it('sends only what changed, and refuses what it cannot read', () => {
    expect(toUpdate(BANK, draftOf(BANK))).toEqual({ input: { code: 'bank-a' }, errors: {} });
    const d = { ...draftOf(BANK), waiverLimit: '8000', retention: '30', secret: 'a-new-secret-of-16+' };
    expect(toUpdate(BANK, d).input).toEqual({ code: 'bank-a', waiverLimitFen: 800_000, retentionDays: 30, syncSecret: 'a-new-secret-of-16+' });
    expect(toUpdate(BANK, { ...draftOf(BANK), waiverLimit: '' }).input).toEqual({ code: 'bank-a', waiverLimitFen: null });
    expect(toUpdate(BANK, { ...draftOf(BANK), rules: [{ stage: 'M3', hand: '', rate: '12' }] }).input.commission).toEqual({ rates: [{ stage: 'M3', rate: 0.12 }], defaultRate: 0.085 });
    expect(toUpdate(BANK, { ...draftOf(BANK), waiverLimit: 'lots', syncEnabled: true }).errors).toEqual({ waiverLimit: 'invalidNumber', url: 'required', keyId: 'required' });
  });
});
