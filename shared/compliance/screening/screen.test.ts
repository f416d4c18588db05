import { describe, expect, it } from 'vitest';
import enLexicon from '../../../resources/rule-packs/screening/en.json' with { type: 'json' };
import enModel from '../../../resources/rule-packs/screening/en.model.json' with { type: 'json' };
import zhLexicon from '../../../resources/rule-packs/screening/zh.json' with { type: 'json' };
import zhModel from '../../../resources/rule-packs/screening/zh.model.json' with { type: 'json' };
import { compileScreener, screenWith, type ScreeningProfile } from './screen';

const zh = compileScreener({ lexicon: zhLexicon, model: zhModel });
const en = compileScreener({ lexicon: enLexicon, model: enModel });
const screenZh = (text: string, profile?: ScreeningProfile) => screenWith(text, zh, profile);
const screenEn = (text: string) => screenWith(text, en);

describe('zh-CN: each CN-P / CN-PAY category blocks, and names itself and its words', () => {
  it.each([
    ['threat', '再不还钱我们就去你家'],
    ['threat', '你给我小心点，我们有的是人'],
    ['threat', '告诉他晚上出门小心点'],
    ['threat', '你儿子在哪个学校读书我们都清楚'],
    ['threat', '不还就让你在单位混不下去'],
    ['insult', '你这个老赖，真不要脸'],
    ['insult', '骂了他一句废物'],
    ['violence', '再不还就找人打断你的腿'],
    ['violence', '信不信我们去砸了你的车'],
    ['impersonation', '我们是公安局经侦的'],
    ['impersonation', '自称法官助理让客户今天还款'],
    ['exposure', '让你全家和单位都知道'],
    ['exposure', '跟他单位财务说他欠钱不还'],
    ['exposure', '我们会通知你所有通讯录联系人'],
    ['nonBankPayment', '把钱转到我个人微信'],
    ['nonBankPayment', '让客户把钱打到我们公司对公账户'],
    ['nonBankPayment', '约好明天上门收现金'],
    ['nonBankPayment', '扫我的收款码还款'],
    ['nonBankPayment', '还款请转至：户名张三，账号6228480012345678'],
  ])('%s: "%s"', (category, text) => {
    const r = screenZh(text);
    expect(r.verdict).toBe('block');
    const hit = r.hits.find((h) => h.category === category && h.kind === 'block');
    expect(hit, JSON.stringify(r.hits)).toBeDefined();
    expect(hit?.rule).toBe(category === 'nonBankPayment' ? 'CN-PAY' : 'CN-P');
    expect(text.slice(hit?.start, hit?.end)).toBe(hit?.match);
  });
});

describe('zh-CN: lawful notes close to the line are not blocked', () => {
  it.each([
    ['a debtor’s own words', '客户说自己不是赖账，是真的没钱'],
    ['a negation', '已告知客户我司不会联系其家人和单位'],
    ['a fraud warning', '谨防诈骗，不要转账给个人'],
    ['a fraud warning about impersonators', '提醒客户警惕冒充公检法的诈骗电话'],
    ['the correct instruction', '还款到本人信用卡'],
    ['the bank’s channels', '告知客户可通过手机银行App或营业网点柜台还款'],
    ['family offering to help', '客户母亲表示愿意帮忙，已告知需还到客户本人信用卡'],
    ['a message through a relative', '联系其配偶询问本人联系方式，对方答应转告'],
    ['legal process stated truthfully', '告知客户如长期逾期，银行可能依法提起诉讼'],
    ['the employer in a lawful way', '客户称在物流公司上班，白天不便接电话，约晚上联系'],
  ])('%s: "%s"', (_kind, text) => {
    expect(screenZh(text).verdict).not.toBe('block');
  });

  it('reported speech quoting a threat goes to review at most', () => {
    const r = screenZh('客户称之前有人威胁要把他欠钱的事告诉他老婆');
    expect(r.verdict).toBe('warn');
    expect(r.hits.every((h) => h.kind === 'warn')).toBe(true);
  });

  it('a fraud warning is never a block, whatever it quotes', () => {
    expect(screenZh('提醒客户谨防诈骗：自称法院说“不还就上门抓人”的都是骗子').verdict).not.toBe('block');
    expect(screenEn('Warned consumer about scammers who say "we know where you live, pay by gift card"').verdict).not.toBe('block');
  });

  it('the collector’s own words after reported speech are the collector’s again', () => {
    expect(screenZh('客户说没钱，我说那你就等着吧').verdict).toBe('block');
    expect(screenZh('客户说没钱，已告知可申请分期').verdict).toBe('pass');
  });

  it('a negation covers only its own act', () => {
    expect(screenZh('我们不会上门').verdict).toBe('pass');
    expect(screenZh('不还钱我们就上门').verdict).toBe('block');
    expect(screenZh('我们不收现金').verdict).toBe('pass');
  });
});

describe('zh-CN: traditional characters, typos, abbreviations and full width', () => {
  it.each([
    ['再不還錢我們就去你家'],
    ['讓你全家和單位都知道'],
    ['在不还钱就上门'],
    ['你个SB'],
    ['转我vx'],
    ['打到我的ＺＦＢ'],
    ['我們是公安局的'],
    ['通知你所有通訊錄聯繫人'],
  ])('blocks "%s"', (text) => expect(screenZh(text).verdict).toBe('block'));
});

describe('invisible characters cannot hide a prohibited phrase (security)', () => {
  const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\ufe0f', '\u202e', '\u2066', '\ufeff', '\u{e0020}'];
  it.each(INVISIBLE.map((c) => [`U+${c.codePointAt(0)?.toString(16).toUpperCase()}`, c]))('%s inside the words', (_name, c) => {
    const zhText = ['再', '不', '还', '钱', '我', '们', '就', '去', '你', '家'].join(c);
    const r = screenZh(zhText);
    expect(r.verdict).toBe('block');
    const hit = r.hits[0];
    // The offsets still point into the text as typed, invisible characters included.
    expect(zhText.slice(hit?.start, hit?.end)).toBe(hit?.match);
    expect(screenEn(`Told cons there is a war${c}rant for his ar${c}rest`).verdict).toBe('block');
    expect(screenEn(`You better watch your b${c}ack`).verdict).toBe('block');
  });
});

describe('CN-PAY: the payment destination decides, with the profile’s channels', () => {
  it.each([
    ['a person', '钱打给我，我帮你处理', 'block'],
    ['a colleague', '先转到我同事的账户上', 'block'],
    ['the manager', '让客户转到我们经理的微信', 'block'],
    ['an intermediary account', '让客户转入过渡账户', 'block'],
    ['cash', '现金给我就行', 'block'],
    ['a QR code', '我发你一个二维码，扫一下就能还', 'block'],
    ['a written account number', '让他转到6222 0212 3456 7890 123', 'block'],
    ['the debtor’s own card (本人)', '请客户还款到本人信用卡', 'pass'],
    ['the bank’s app', '客户承诺周五前通过手机银行还款', 'pass'],
    ['cash at the bank’s counter', '客户说去网点柜台存现金还款', 'pass'],
  ])('%s: "%s" → %s', (_kind, text, verdict) => {
    expect(screenZh(text).verdict).toBe(verdict);
  });

  it('a wallet the profile lists is one of the bank’s channels; a person’s wallet never is', () => {
    expect(screenZh('告知客户可用支付宝转账还款').verdict).toBe('block');
    expect(screenZh('告知客户可用支付宝转账还款', { repaymentChannels: ['支付宝'] }).verdict).toBe('pass');
    expect(screenZh('转到我的支付宝', { repaymentChannels: ['支付宝'] }).verdict).toBe('block');
    expect(screenZh('扫码还款', { repaymentChannels: ['手机银行App“扫码还款”'] }).verdict).toBe('pass');
  });
});

describe('en: each US-P category blocks', () => {
  it.each([
    ['threat', 'Told cons we know where he lives and he should watch his back'],
    ['threat', 'If you do not pay we will come to your house'],
    ['profanity', 'Told the debtor he is a worthless deadbeat'],
    ['profanity', 'Pay your f***ing bill'],
    ['falseRepresentation', 'Told debtor he will be arrested if he does not pay'],
    ['falseRepresentation', 'This is Officer Lee with the sheriff’s office'],
    ['falseRepresentation', 'Told cons we will garnish his wages next week'],
    ['disclosure', 'Told his boss he owes us $2,000'],
    ['disclosure', 'Left a message with her mother about the past due balance'],
  ])('%s: "%s"', (category, text) => {
    const r = screenEn(text);
    expect(r.verdict).toBe('block');
    expect(r.hits.find((h) => h.category === category && h.kind === 'block' && h.rule === 'US-P'), JSON.stringify(r.hits)).toBeDefined();
  });
});

describe('en: lawful notes close to the line are not blocked', () => {
  it.each([
    ['the consumer’s words', 'Consumer said the last agency threatened to call his boss'],
    ['a negation', 'Advised consumer we will not contact her employer'],
    ['a negation of arrest', 'Explained she will not be arrested over this debt'],
    ['a fraud warning', 'Warned cons about scammers claiming to be the sheriff'],
    ['a payment channel', 'Consumer will pay through the client portal on Friday'],
    ['family offering to help', 'Consumer’s mother offered to help; payment goes through the portal on consumer’s account'],
    ['a location call', 'Spoke to neighbor, asked only whether consumer still lives there'],
    ['legal process stated truthfully', 'Explained the creditor may decide to file suit; no decision has been made'],
    ['the employer in a lawful way', 'Consumer works nights at the hospital; call after 2pm'],
  ])('%s: "%s"', (_kind, text) => {
    expect(screenEn(text).verdict).not.toBe('block');
  });
});

describe('screenWith', () => {
  it('passes an empty or clean note with no hits', () => {
    expect(screenZh('')).toEqual({ verdict: 'pass', hits: [] });
    expect(screenZh('客户承诺本月25日前还款3000元')).toEqual({ verdict: 'pass', hits: [] });
  });

  it('is deterministic', () => {
    const text = '客户说没钱，我说你全家都别想安宁，钱打给我就行';
    expect(screenZh(text)).toEqual(screenZh(text));
  });
});
