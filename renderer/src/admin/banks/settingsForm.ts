import type { BankRow } from '../../../../shared/contract/banks';
import type { MethodInput } from '../../../../shared/contract/methods';

/** The Banks settings form as typed (strings), and its conversion to banks.update: only what changed is sent. */
export interface RuleDraft {
  stage: string;
  hand: string;
  rate: string;
}

export interface SettingsDraft {
  defaultRate: string;
  rules: RuleDraft[];
  waiverLimit: string;
  retention: string;
  syncEnabled: boolean;
  url: string;
  keyId: string;
  interval: string;
  secret: string;
}

/** 0.125 → "12.5" (a rate as a percentage, up to three decimals). */
export const percentText = (rate: number): string => String(Math.round(rate * 100_000) / 1000);

/** "12.5" → 0.125; null when not a percentage 0–100. */
export function parsePercent(text: string): number | null {
  if (!/^\d{1,3}(\.\d{1,3})?$/.test(text.trim())) return null;
  const [whole, frac = ''] = text.trim().split('.');
  const thousandths = Number(whole) * 1000 + Number(frac.padEnd(3, '0'));
  return thousandths > 100_000 ? null : thousandths / 100_000;
}

/** "5,000.5" yuan → 500050 fen, in integers; null when not an amount. */
export function parseYuan(text: string): number | null {
  const clean = text.trim().replace(/,/g, '');
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(clean);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export const yuanText = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`);

export function draftOf(bank: BankRow): SettingsDraft {
  return {
    defaultRate: bank.commission ? percentText(bank.commission.defaultRate) : '',
    rules: (bank.commission?.rates ?? []).map((r) => ({ stage: r.stage ?? '', hand: r.hand === undefined ? '' : String(r.hand), rate: percentText(r.rate) })),
    waiverLimit: bank.waiverLimitFen === null ? '' : yuanText(bank.waiverLimitFen),
    retention: bank.retentionDays === null ? '' : String(bank.retentionDays),
    syncEnabled: bank.sync !== null,
    url: bank.sync?.url ?? '',
    keyId: bank.sync?.keyId ?? '',
    interval: String(bank.sync?.intervalMinutes ?? 15),
    secret: '',
  };
}

export type FieldErrors = Partial<Record<string, string>>;
type Update = MethodInput<'banks.update'>;

/** The banks.update input for what changed, or the fields that cannot be read (keys as the form names them). */
export function toUpdate(bank: BankRow, d: SettingsDraft): { input: Update; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const input: Update = { code: bank.code };
  const num = (key: string, text: string, parse: (s: string) => number | null): number | null => {
    const v = parse(text);
    if (v === null) errors[key] = 'invalidNumber';
    return v;
  };
  const int = (s: string) => (/^\d{1,5}$/.test(s.trim()) ? Number(s.trim()) : null);

  const touchedCommission = bank.commission !== null || d.defaultRate.trim() !== '' || d.rules.length > 0;
  if (touchedCommission) {
    const defaultRate = num('defaultRate', d.defaultRate, parsePercent);
    const rates = d.rules.map((r, i) => {
      const rate = num(`rules.${i}.rate`, r.rate, parsePercent);
      const hand = r.hand.trim() === '' ? undefined : (num(`rules.${i}.hand`, r.hand, int) ?? undefined);
      return { ...(r.stage.trim() ? { stage: r.stage.trim() } : {}), ...(hand !== undefined ? { hand } : {}), rate: rate ?? 0 };
    });
    const commission = { rates, defaultRate: defaultRate ?? 0 };
    if (JSON.stringify(commission) !== JSON.stringify(bank.commission)) input.commission = commission;
  }
  const waiver = d.waiverLimit.trim() === '' ? null : num('waiverLimit', d.waiverLimit, parseYuan);
  if (waiver !== bank.waiverLimitFen && !errors.waiverLimit) input.waiverLimitFen = waiver;
  const retention = d.retention.trim() === '' ? null : num('retention', d.retention, int);
  if (retention !== bank.retentionDays && !errors.retention) input.retentionDays = retention;
  if (!d.syncEnabled) {
    if (bank.sync !== null) input.sync = null;
  } else {
    if (!d.url.trim()) errors.url = 'required';
    if (!d.keyId.trim()) errors.keyId = 'required';
    const interval = num('interval', d.interval, int);
    const sync = { url: d.url.trim(), keyId: d.keyId.trim(), intervalMinutes: interval ?? 15 };
    if (JSON.stringify(sync) !== JSON.stringify(bank.sync)) input.sync = sync;
  }
  if (d.secret !== '') input.syncSecret = d.secret;
  return { input, errors };
}
