import { describe, expect, it } from 'vitest';
import cnScripts from '../../../resources/scripts/cn-2026.json' with { type: 'json' };
import usScripts from '../../../resources/scripts/us-regf.json' with { type: 'json' };
import { fillScript, spokenDate, type ScriptVars } from './script-text';

const FULL: ScriptVars = {
  agency: '安信催收', collector: '李娜', staffNo: 'lina', bank: '甲银行', debtorTitle: '刘女士', cardTail: '1234', product: '信用卡', balance: '1,500.00',
  placedAmount: '2,000.00', overdueDays: '45', dueBackAt: '1月31日', hotline: '95588', repaymentChannels: '手机银行', promiseDate: '12月15日',
  promiseAmount: '1,000.00', promisePaid: '300.00', promiseShort: '700.00',
};
const UNKNOWN = '（不详）';
const steps = [cnScripts, usScripts].flatMap((set) => set.scripts.flatMap((s) => s.steps.map((st) => ({ script: s.id, step: st.id, text: st.text }))));

describe('a script states only what the case holds', () => {
  it('drops an optional part, or the sentence, whose value is missing — never a guess', () => {
    const debt = '您[[尾号{{cardTail}}的]][[{{product}}]]账户目前欠款{{balance}}元[[，已逾期{{overdueDays}}天]]。';
    expect(fillScript(debt, FULL, UNKNOWN)).toBe('您尾号1234的信用卡账户目前欠款1,500.00元，已逾期45天。');
    expect(fillScript(debt, { ...FULL, cardTail: null, product: null, overdueDays: null }, UNKNOWN)).toBe('您账户目前欠款1,500.00元。');
    expect(fillScript('您此前承诺于{{promiseDate}}还款{{promiseAmount}}元。目前欠款{{balance}}元。', { ...FULL, promiseDate: null }, UNKNOWN)).toBe('目前欠款1,500.00元。');
    expect(fillScript('已逾期{{overdueDays}}天。', { ...FULL, overdueDays: null }, UNKNOWN)).toBe(UNKNOWN);
    expect(fillScript('The account[[ ending {{cardTail}}]] has a balance of {{balance}}[[, {{overdueDays}} days past due]].', { ...FULL, cardTail: '', overdueDays: null }, UNKNOWN)).toBe('The account has a balance of 1,500.00.');
  });

  it.each(Object.keys(FULL))('every shipped step reads cleanly with %s missing', (name) => {
    for (const s of steps) {
      const out = fillScript(s.text, { ...FULL, [name]: null }, UNKNOWN);
      expect(out, `${s.script}/${s.step}`).not.toMatch(/\{\{|\}\}|\[\[|\]\]|—|undefined|null/);
      if (name === 'overdueDays') expect(out, `${s.script}/${s.step}`).not.toMatch(/逾期.?天|days past due/);
      if (name === 'cardTail') expect(out, `${s.script}/${s.step}`).not.toMatch(/尾号|ending/);
    }
  });

  it('every shipped step reads cleanly with every value missing', () => {
    const none = Object.fromEntries(Object.keys(FULL).map((k) => [k, null]));
    for (const s of steps) expect(fillScript(s.text, none, UNKNOWN), `${s.script}/${s.step}`).not.toMatch(/\{\{|\[\[|—|undefined|null/);
  });

  it('speaks dates as 12月15日 / December 15, with the year only when it is not this year’s', () => {
    expect(spokenDate('2026-12-15', '2026-12-08', 'zh-CN')).toBe('12月15日');
    expect(spokenDate('2027-01-05', '2026-12-08', 'zh-CN')).toBe('2027年1月5日');
    expect(spokenDate('2026-12-15', '2026-12-08', 'en')).toBe('December 15');
    expect(spokenDate('2027-01-05', '2026-12-08', 'en')).toBe('January 5, 2027');
    expect(spokenDate(null, '2026-12-08', 'en')).toBeNull();
  });
});
