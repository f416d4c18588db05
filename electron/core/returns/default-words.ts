import type { ReturnsSection } from '../../../shared/profile/returns-schema';

type MapKey = keyof NonNullable<ReturnsSection['valueMaps']>;

/**
 * Our words for the values a returns file carries, when the bank's profile maps none: a file for the bank is read by
 * people, and never carries an internal name (`partly_kept`, `installment`).
 */
export const DEFAULT_WORDS: Record<MapKey, Record<string, string>> = {
  recordType: { activity: '催记', promise: '承诺还款', plan: '还款计划', recall: '退案' },
  channel: { call: '电话', sms: '短信', letter: '信函', visit: '外访', email: '电子邮件' },
  direction: { outbound: '呼出', inbound: '呼入' },
  party: { debtor: '本人', related: '联系人', third: '第三方', none: '未接通' },
  relation: { self: '本人', spouse: '配偶', parent: '父母', child: '子女', sibling: '兄弟姐妹', colleague: '同事', friend: '朋友', other: '其他' },
  promiseStatus: { pending: '待履约', kept: '已履约', partly_kept: '部分履约', broken: '未履约' },
  planKind: { installment: '分期', deferral: '延期', settlement: '减免结清' },
  planStatus: { requested: '待审批', approved: '已批准', rejected: '已驳回', cancelled: '已撤销' },
  caseStatus: { new: '新案', working: '催收中', ptp: '承诺还款', plan: '还款计划', paid: '已结清', disputed: '争议', legal: '法务', recalled: '已退案', closed: '已结案' },
};
