import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/compliance/engine';
import { call, input } from '../../../shared/compliance/test-support';
import type { EngineInput } from '../../../shared/compliance/types';
import { rulePack } from './packs';

const cn = rulePack('cn-2026');
const us = rulePack('us-regf');
const rules = (i: EngineInput, pack = cn) => evaluate(pack, i).verdicts.map((v) => `${v.kind}:${v.rule}${v.met === undefined ? '' : v.met ? '+' : '-'}`);
const blocks = (i: EngineInput, pack = cn) => evaluate(pack, i).verdicts.filter((v) => v.kind === 'block').map((v) => v.rule);
const verdict = (i: EngineInput, rule: string, pack = cn) => evaluate(pack, i).verdicts.find((v) => v.rule === rule);

describe('CN-T1 calling hours, in the debtor’s zone', () => {
  it.each([
    ['2026-11-24T07:59:00+08:00', true],
    ['2026-11-24T08:00:00+08:00', false],
    ['2026-11-24T21:59:00+08:00', false],
    ['2026-11-24T22:00:00+08:00', true],
    ['2026-11-25T03:00:00+08:00', true],
  ])('at %s blocked: %s', (at, blocked) => {
    expect(blocks(input({ now: new Date(at) })).includes('CN-T1')).toBe(blocked);
  });

  it('says when contact is next allowed, with the debtor’s offset', () => {
    expect(verdict(input({ now: new Date('2026-11-24T22:00:00+08:00') }), 'CN-T1')).toMatchObject({ kind: 'block', nextAllowedAt: '2026-11-25T08:00:00+08:00' });
    expect(verdict(input({ now: new Date('2026-11-25T06:30:00+08:00') }), 'CN-T1')?.nextAllowedAt).toBe('2026-11-25T08:00:00+08:00');
  });

  it('uses the debtor’s zone, not the machine’s: 21:30 in Urumqi-time is fine, 22:30 is not', () => {
    const at = new Date('2026-11-24T15:30:00Z'); // 23:30 in Shanghai, 21:30 on Asia/Urumqi (UTC+6)
    expect(blocks(input({ now: at, timezone: 'Asia/Urumqi' }))).not.toContain('CN-T1');
    expect(blocks(input({ now: at }))).toContain('CN-T1');
  });

  it('lets a valid recorded consent cover its window, and not after it expires', () => {
    const consent = { windowStart: '22:00', windowEnd: '23:00', validUntil: '2026-11-30' };
    const debtor = { id: 'd', ownPhones: ['13800138000'], consent };
    expect(blocks(input({ now: new Date('2026-11-24T22:30:00+08:00'), debtor }))).not.toContain('CN-T1');
    expect(blocks(input({ now: new Date('2026-11-24T23:10:00+08:00'), debtor }))).toContain('CN-T1');
    expect(blocks(input({ now: new Date('2026-12-01T22:30:00+08:00'), debtor }))).toContain('CN-T1');
  });

  it('does not apply to letters', () => {
    expect(blocks(input({ now: new Date('2026-11-24T23:00:00+08:00'), intent: { channel: 'letter' } }))).toEqual([]);
  });
});

describe('CN-F1 attempts per number per day', () => {
  const attempts = (n: number, day = '2026-11-24') => Array.from({ length: n }, (_, i) => call(`${day}T0${i % 9}:0${i % 6}:00+08:00`.replace('T0', 'T1')));
  it('allows the 6th attempt and blocks the 7th, until the window opens tomorrow', () => {
    const now = new Date('2026-11-24T19:00:00+08:00');
    expect(blocks(input({ now, history: attempts(5) }))).not.toContain('CN-F1');
    expect(verdict(input({ now, history: attempts(6) }), 'CN-F1')).toMatchObject({ kind: 'block', nextAllowedAt: '2026-11-25T08:00:00+08:00' });
  });
  it('counts per number: another number of the same debtor is still allowed', () => {
    const now = new Date('2026-11-24T19:00:00+08:00');
    expect(blocks(input({ now, history: attempts(6), intent: { phone: '13900139000' } }))).not.toContain('CN-F1');
  });
  it('rolls over at midnight in the debtor’s zone, not UTC', () => {
    const late = Array.from({ length: 6 }, (_, i) => call(`2026-11-24T15:5${i}:00Z`)); // 23:5x in Shanghai, the 24th
    expect(blocks(input({ now: new Date('2026-11-24T15:59:30Z'), history: late }))).toContain('CN-F1');
    expect(blocks(input({ now: new Date('2026-11-25T00:00:00Z'), history: late }))).not.toContain('CN-F1'); // 08:00 on the 25th
  });
});

describe('CN-F2 connected calls per debtor per day', () => {
  const reached = (n: number) => Array.from({ length: n }, (_, i) => call(`2026-11-24T1${i}:00:00+08:00`, { party: 'debtor', resultCode: 'REFUSED', caseId: i % 2 ? 'case-2' : 'case-1' }));
  const now = new Date('2026-11-24T19:00:00+08:00');
  it('allows a call after 2 conversations, blocks after 3 (all the debtor’s cases together)', () => {
    expect(blocks(input({ now, history: reached(2) }))).not.toContain('CN-F2');
    expect(blocks(input({ now, history: reached(3) }))).toContain('CN-F2');
  });
  it('counts only calls in which the debtor was reached', () => {
    const h = [...reached(2), call('2026-11-24T12:00:00+08:00', { party: 'related', resultCode: 'LEFT_MESSAGE' }), call('2026-11-24T13:00:00+08:00')];
    expect(blocks(input({ now, history: h }))).not.toContain('CN-F2');
  });
  it('does not stop a call to a third party', () => {
    expect(blocks(input({ now, history: reached(3), contact: { id: 'cp2', phone: '13700137000', relation: 'friend', status: 'valid' }, intent: { party: 'third', phone: '13700137000' } }))).not.toContain('CN-F2');
  });
});

describe('CN-3P third parties', () => {
  const now = new Date('2026-11-24T10:00:00+08:00');
  const friend = { id: 'cp2', phone: '13700137000', relation: 'friend', status: 'valid' as const };
  it('refuses a promise, a plan request or a hardship negotiation with anyone but the debtor', () => {
    for (const extra of [{ resultCode: 'PTP' as const, promise: true }, { resultCode: 'LEFT_MESSAGE' as const, planRequest: true }, { resultCode: 'HARDSHIP' as const }]) {
      expect(blocks(input({ now, contact: friend, intent: { phase: 'record', party: 'related', phone: friend.phone, confirmations: ['CN-ID', 'CN-R1'], ...extra } }))).toContain('CN-3P');
    }
    expect(blocks(input({ now, intent: { phase: 'record', resultCode: 'PTP', promise: true, confirmations: ['CN-ID', 'CN-RPC', 'CN-R1'] } }))).toEqual([]);
  });
  it('never contacts a person who refused contact', () => {
    expect(blocks(input({ now, contact: { ...friend, status: 'refuses_contact' }, intent: { party: 'third', phone: friend.phone } }))).toContain('CN-3P');
  });
  it('warns when a third party is called on a day none of the debtor’s own numbers was tried', () => {
    const i = input({ now, contact: friend, intent: { party: 'third', phone: friend.phone } });
    expect(verdict(i, 'CN-3P')).toMatchObject({ kind: 'warn' });
    expect(verdict({ ...i, history: [call('2026-11-24T09:00:00+08:00')] }, 'CN-3P')).toBeUndefined();
  });
});

describe('required disclosures', () => {
  const at = { now: new Date('2026-11-24T10:00:00+08:00') };
  it('a connected call with the debtor needs exactly CN-ID, CN-RPC and CN-R1', () => {
    expect(rules(input({ ...at, intent: { phase: 'record', resultCode: 'REFUSED' } }))).toEqual(['require:CN-ID-', 'require:CN-RPC-', 'require:CN-R1-']);
    const done = evaluate(cn, input({ ...at, intent: { phase: 'record', resultCode: 'REFUSED', confirmations: ['CN-ID', 'CN-RPC', 'CN-R1'] } }));
    expect(done).toMatchObject({ allowed: true, complete: true });
  });
  it('an attempt in which nobody was reached needs none', () => {
    expect(evaluate(cn, input({ ...at, intent: { phase: 'record', resultCode: 'NO_ANSWER', party: 'none' } }))).toEqual({ allowed: true, complete: true, verdicts: [] });
  });
  it('before the call, lists what will be needed', () => {
    expect(rules(input(at))).toEqual(['require:CN-ID', 'require:CN-RPC', 'require:CN-R1']);
  });
  it('us-regf: the mini-Miranda and the recording notice; a voicemail uses the limited-content message', () => {
    const ny = { now: new Date('2026-11-24T10:00:00-05:00'), timezone: 'America/New_York' };
    expect(rules(input({ ...ny, intent: { phase: 'record', resultCode: 'REFUSED' } }), us)).toEqual(['require:US-MM-', 'require:US-REC-']);
    expect(rules(input({ ...ny, intent: { phase: 'record', resultCode: 'LEFT_MESSAGE', party: 'none', confirmations: ['US-LCM'] } }), us)).toEqual(['require:US-LCM+']);
  });
  it('a visit needs the two-collector checklist', () => {
    expect(rules(input({ ...at, intent: { channel: 'visit' } }))).toEqual(['require:CN-V1']);
  });
});

describe('CN-DNC', () => {
  it.each([
    [{ status: 'recalled', flags: [] as string[] }],
    [{ status: 'working', flags: ['deceased'] }],
    [{ status: 'working', flags: ['lawyer'] }],
    [{ status: 'working', flags: ['cease_communication'] }],
    [{ status: 'working', flags: ['complaint'] }],
    [{ status: 'working', flags: ['bankruptcy'] }],
  ])('blocks contact on %o', (c) => {
    expect(blocks(input({ now: new Date('2026-11-24T10:00:00+08:00'), case: { id: 'case-1', ...c } }))).toEqual(['CN-DNC']);
  });
});

describe('CN-P prohibited conduct and CN-PAY', () => {
  const record = (notes: string, over: Partial<EngineInput> = {}) =>
    input({ now: new Date('2026-11-24T10:00:00+08:00'), ...over, intent: { phase: 'record', resultCode: 'REFUSED', confirmations: ['CN-ID', 'CN-RPC', 'CN-R1'], notes } });
  const noted = (notes: string, over: Partial<EngineInput> = {}) => blocks(record(notes, over));
  it.each([
    ['我们是公安局的，你涉嫌诈骗'],
    ['我是法院执行局的法官'],
    ['再不还钱就上门闹事'],
    ['不还就让你吃不了兜着走'],
    ['你给我等着'],
    ['通知你所有通讯录联系人'],
    ['我们会告诉你的领导和同事'],
    ['你这个王八蛋'],
    ['找人打断你的腿'],
    ['再不还钱我们就去你家'],
    ['让你全家和单位都知道'],
  ])('blocks "%s"', (notes) => expect(noted(notes)).toContain('CN-P'));
  it('names CN-PAY (not CN-P) for a payment to a non-bank destination', () => {
    expect(noted('直接转到我的支付宝就行')).toEqual(['CN-PAY']);
    expect(noted('把钱转到我个人微信')).toEqual(['CN-PAY']);
  });
  it.each([
    ['债务人称下周一发工资后通过银行官方App还款，已告知客服热线'],
    ['本人表示已报警称被骗，建议其向银行投诉热线反映'],
    ['联系其配偶询问本人联系方式，对方答应转告'],
    ['还款到本人信用卡'],
    ['谨防诈骗，不要转账给个人'],
  ])('lets a proper note through: "%s"', (notes) => expect(noted(notes)).toEqual([]));
  it('names the category and the words, with offsets into the notes as typed', () => {
    const notes = '客户态度差。再不还钱我们就去你家';
    const v = verdict(record(notes), 'CN-P');
    expect(v).toMatchObject({ kind: 'block', hits: [expect.objectContaining({ category: 'threat', kind: 'block', source: 'rules' })] });
    const hit = v?.hits?.[0];
    expect(hit && notes.slice(hit.start, hit.end)).toBe(hit?.match);
    expect(v?.messages['zh-CN']).toContain('威胁恐吓');
  });
  it('a debtor’s own words quoting a threat are at most a warn, never a block', () => {
    const v = verdict(record('客户称之前有人说再不还钱就去他家，已安抚'), 'CN-P');
    expect(v?.kind).toBe('warn');
    expect(noted('客户称之前有人说再不还钱就去他家，已安抚')).toEqual([]);
  });
  it('takes the profile’s own repayment channels as the bank’s', () => {
    const channels = { repaymentChannels: ['手机银行App', '支付宝'] };
    expect(noted('已告知客户用支付宝转账还款')).toEqual(['CN-PAY']);
    expect(noted('已告知客户用支付宝转账还款', channels)).toEqual([]);
    expect(noted('转到我的支付宝', channels)).toEqual(['CN-PAY']);
    expect(noted('已告知客户用支付宝生活号转账还款', { repaymentChannels: ['支付宝生活号'] })).toEqual([]);
    expect(noted('已告知客户用支付宝转账还款', { repaymentChannels: ['支付宝生活号'] })).toEqual(['CN-PAY']);
  });
});

describe('US-P prohibited conduct', () => {
  const ny = { now: new Date('2026-11-24T10:00:00-05:00'), timezone: 'America/New_York' };
  const noted = (notes: string) => evaluate(us, input({ ...ny, intent: { phase: 'record', resultCode: 'REFUSED', confirmations: ['US-MM', 'US-REC'], notes } })).verdicts.filter((v) => v.rule === 'US-P');
  it.each([
    ['Told cons there is a warrant out for his arrest', 'falseRepresentation'],
    ['Told his boss he owes $3,400 on a credit card', 'disclosure'],
    ['You better watch your back', 'threat'],
    ['Pay your damn bill, you piece of sh*t', 'profanity'],
  ])('blocks "%s" (%s)', (notes, category) => {
    expect(noted(notes)).toEqual([expect.objectContaining({ rule: 'US-P', kind: 'block', hits: expect.arrayContaining([expect.objectContaining({ category })]) })]);
  });
  it.each([
    ['Advised consumer we will not contact her employer'],
    ['PTP $150 by debit card through our secure payment line'],
    ['Warned consumer about scam calls claiming to be the IRS'],
  ])('lets "%s" through', (notes) => expect(noted(notes)).toEqual([]));
  it('the Massachusetts overlay keeps US-P', () => {
    expect(evaluate(rulePack('us-regf-ma'), input({ ...ny, intent: { phase: 'record', resultCode: 'REFUSED', confirmations: ['US-MM', 'US-REC'], notes: 'You better watch your back' } })).verdicts.map((v) => v.rule)).toContain('US-P');
  });
});

describe('US-F 7 in 7 and the 7 days after a conversation (America/New_York, across the end of DST on 2026-11-01)', () => {
  const tz = 'America/New_York';
  it('blocks the 8th attempt within 7 days and says when the window has room again', () => {
    const h = ['10-27', '10-28', '10-29', '10-30', '10-31', '11-01', '11-02'].map((d) => call(`2026-${d}T10:00:00-04:00`));
    const i = input({ now: new Date('2026-11-02T15:00:00-05:00'), timezone: tz, history: h });
    expect(verdict(i, 'US-F', us)).toMatchObject({ kind: 'block', nextAllowedAt: '2026-11-03T08:00:00-05:00' });
    expect(blocks({ ...i, history: h.slice(1) }, us)).not.toContain('US-F');
  });
  it('allows no call within 7 days of a conversation, counting its day as day 1', () => {
    const talk = [call('2026-10-30T11:00:00-04:00', { party: 'debtor', resultCode: 'REFUSED' })];
    expect(verdict(input({ now: new Date('2026-11-05T20:00:00-05:00'), timezone: tz, history: talk }), 'US-F', us)).toMatchObject({ nextAllowedAt: '2026-11-06T08:00:00-05:00' });
    expect(blocks(input({ now: new Date('2026-11-06T08:00:00-05:00'), timezone: tz, history: talk }), us)).toEqual([]);
  });
  it('US-T: 20:59 is fine, 21:00 is not', () => {
    expect(blocks(input({ now: new Date('2026-11-24T20:59:00-05:00'), timezone: tz }), us)).toEqual([]);
    expect(verdict(input({ now: new Date('2026-11-24T21:00:00-05:00'), timezone: tz }), 'US-T', us)).toMatchObject({ nextAllowedAt: '2026-11-25T08:00:00-05:00' });
  });
  it('a Massachusetts overlay tightens 7-in-7 to 2-in-7', () => {
    const h = [call('2026-11-20T10:00:00-05:00'), call('2026-11-21T10:00:00-05:00')];
    const i = input({ now: new Date('2026-11-22T10:00:00-05:00'), timezone: tz, history: h });
    expect(blocks(i, us)).toEqual([]);
    expect(blocks(i, rulePack('us-regf-ma'))).toEqual(['US-F']);
  });
  it('US-3P: one contact per third party unless they asked to be called back', () => {
    const friend = { id: 'cp2', phone: '13700137000', relation: 'friend', status: 'valid' as const };
    const once = [call('2026-11-20T10:00:00-05:00', { party: 'third', phone: friend.phone, contactPersonId: 'cp2', resultCode: 'LEFT_MESSAGE' })];
    const i = input({ now: new Date('2026-11-22T10:00:00-05:00'), timezone: tz, contact: friend, history: once, intent: { party: 'third', phone: friend.phone } });
    expect(blocks(i, us)).toEqual(['US-3P']);
    expect(blocks({ ...i, history: [{ ...once[0]!, resultCode: 'CALLBACK' }] }, us)).toEqual([]);
  });
});

describe('US-F counts what Reg F counts (1006.14(b)(3))', () => {
  const tz = 'America/New_York';
  const at = (day: string, time = '10:00') => `2026-11-${day}T${time}:00-05:00`;
  const week = ['20', '21', '22', '23', '24', '25', '26'];
  const check = (history: ReturnType<typeof call>[], day = '26', time = '15:00') => input({ now: new Date(at(day, time)), timezone: tz, history });

  it('a busy signal or a not-in-service number is no attempt; a call that rang out or reached voicemail is', () => {
    expect(blocks(check(week.map((d) => call(at(d), { resultCode: 'BUSY' }))), us)).toEqual([]);
    expect(blocks(check(week.map((d) => call(at(d), { resultCode: 'DISCONNECTED' }))), us)).toEqual([]);
    expect(blocks(check(week.map((d) => call(at(d), { resultCode: 'NO_ANSWER' }))), us)).toEqual(['US-F']);
    // Voicemail: a connected call, an attempt; six rang out and one voicemail make seven.
    const mixed = [...week.slice(0, 6).map((d) => call(at(d))), call(at('26', '09:00'), { resultCode: 'LEFT_MESSAGE', party: 'none' })];
    expect(blocks(check(mixed), us)).toEqual(['US-F']);
    // Six that rang out and a busy signal: six attempts, the seventh may be placed.
    expect(blocks(check([...week.slice(0, 6).map((d) => call(at(d))), call(at('26', '09:00'), { resultCode: 'BUSY' })]), us)).toEqual([]);
  });

  it('calls within 7 days of the person’s own request to be called do not count: day 1 to day 7, not day 8', () => {
    const consent = call(at('20', '09:00'), { party: 'debtor', resultCode: 'CALLBACK', consentToCall: true });
    const after = ['20', '21', '22', '23', '24', '25', '26'].flatMap((d) => [call(at(d, '11:00')), call(at(d, '12:00'))]);
    // Day 1 (the consent's own day, after the conversation) and day 7: allowed whatever was placed since.
    expect(blocks(check([consent], '20', '16:00'), us)).toEqual([]);
    expect(blocks(check([consent, ...after], '26'), us)).toEqual([]);
    // Day 8: calls placed under the consent still do not count; new ones do.
    expect(blocks(check([consent, ...after], '27'), us)).toEqual([]);
    const day8 = Array.from({ length: 7 }, (_, i) => call(at('27', `1${i}:00`)));
    expect(verdict(check([consent, ...after, ...day8], '27', '18:00'), 'US-F', us)).toMatchObject({ kind: 'block', message: expect.stringContaining('7 call attempts') });
    // The same conversation without recorded consent: the 7-day wait applies from day 1.
    expect(blocks(check([{ ...consent, consentToCall: false }], '21'), us)).toEqual(['US-F']);
  });

  it('a call the person makes to the agency is no attempt, but its conversation starts the 7-day wait', () => {
    const inboundMissed = week.map((d) => call(at(d), { direction: 'inbound', resultCode: 'NO_ANSWER' }));
    expect(blocks(check(inboundMissed), us)).toEqual([]);
    const talk = call(at('24'), { direction: 'inbound', party: 'debtor', resultCode: 'REFUSED' });
    expect(verdict(check([talk], '30'), 'US-F', us)).toMatchObject({ nextAllowedAt: '2026-12-01T08:00:00-05:00' });
    expect(blocks(check([talk], '30'), us)).toEqual(['US-F']);
    // Recording the inbound call itself is never refused by the calling limits or hours.
    const late = input({ now: new Date(at('26', '22:30')), timezone: tz, history: week.map((d) => call(at(d))), intent: { phase: 'record', direction: 'inbound', party: 'debtor', resultCode: 'REFUSED', confirmations: ['US-MM', 'US-REC'] } });
    expect(blocks(late, us)).toEqual([]);
  });
});

describe('a person who refused contact is never called again (CN-3P; US-C in us-regf)', () => {
  const refused = { id: 'cp-self', phone: '13800138000', relation: 'self', status: 'refuses_contact' as const, refusedAt: '2026-11-24T01:55:00Z' };
  it('blocks the pre-dial gate in both packs', () => {
    expect(blocks(input({ contact: refused }))).toEqual(['CN-3P']);
    expect(blocks(input({ contact: refused, timezone: 'America/New_York', now: new Date('2026-11-24T15:00:00Z') }), us)).toEqual(['US-C']);
  });
  it('lets the call in which the person refused be recorded, not a later one', () => {
    const during = input({ now: new Date('2026-11-24T01:50:00Z'), contact: refused, intent: { phase: 'record', party: 'none', resultCode: 'NO_ANSWER' } });
    expect(blocks(during)).toEqual([]);
    expect(blocks({ ...during, now: new Date('2026-11-24T02:00:00Z') })).toEqual(['CN-3P']);
  });
});

describe('CN-E1 effective collection before a legal referral', () => {
  const talk = (d: string) => call(`${d}T10:00:00+08:00`, { party: 'debtor', resultCode: 'REFUSED' });
  it('warns without two collections 30 days apart', () => {
    const now = new Date('2026-11-24T10:00:00+08:00');
    expect(verdict(input({ now, history: [talk('2026-11-01'), talk('2026-11-20')], intent: { phase: 'record', channel: 'letter', party: 'none', legalReferral: true } }), 'CN-E1')).toMatchObject({ kind: 'warn' });
    expect(verdict(input({ now, history: [talk('2026-10-01'), talk('2026-11-20')], intent: { phase: 'record', channel: 'letter', party: 'none', legalReferral: true } }), 'CN-E1')).toBeUndefined();
  });
});
