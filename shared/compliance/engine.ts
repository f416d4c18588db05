import { CheckContext, windowOf } from './context';
import { attemptsPerDebtInDays, attemptsPerNumberPerDay, connectedPerDebtorPerDay } from './checks/frequency';
import { paymentChannel, prohibitedConduct, timeBarred } from './checks/conduct';
import type { CheckName, RulePack, RuleSpec } from './pack';
import type { EngineInput, Verdict } from './types';
import { callingHours } from './checks/time';
import { doNotContact, locationOnly, thirdParty } from './checks/parties';
import { disclosure, effectiveCollection, validationNotice, visitChecklist, voicemail } from './checks/disclosures';

type Check = (rule: RuleSpec, ctx: CheckContext) => Verdict[];

const CHECKS: Record<CheckName, Check> = {
  callingHours,
  attemptsPerNumberPerDay,
  connectedPerDebtorPerDay,
  attemptsPerDebtInDays,
  thirdParty,
  locationOnly,
  disclosure,
  visitChecklist,
  voicemail,
  validationNotice,
  effectiveCollection,
  doNotContact,
  prohibitedConduct,
  paymentChannel,
  timeBarred,
};

export interface Evaluation {
  /** false when any block applies */
  allowed: boolean;
  /** false when a require is unmet (record phase): the outcome cannot be saved until it is confirmed */
  complete: boolean;
  verdicts: Verdict[];
}

/**
 * The compliance engine: a pure function of (rule pack, case, debtor, contact person, activity history, now,
 * intended contact) → verdicts. No database, no clock: everything it needs is in its input.
 */
export function evaluate(pack: RulePack, input: EngineInput): Evaluation {
  const hours = pack.rules.find((r) => r.check === 'callingHours');
  const ctx = new CheckContext(input, hours ? windowOf(hours.params) : null);
  const verdicts = pack.rules.flatMap((r) => (r.check ? CHECKS[r.check](r, ctx) : []));
  return {
    allowed: !verdicts.some((v) => v.kind === 'block'),
    complete: !verdicts.some((v) => v.kind === 'require' && v.met === false),
    verdicts,
  };
}
