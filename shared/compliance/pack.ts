import { z } from 'zod';

/**
 * A rule pack (resources/rule-packs/*.json): data, not code. Each rule names the check that enforces it and that
 * check's parameters; a pack may extend another, overriding parameters (an overlay such as Massachusetts).
 */
export const Texts = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }).strict();
export type Texts = z.infer<typeof Texts>;

export const CHECKS = [
  'callingHours', 'attemptsPerNumberPerDay', 'connectedPerDebtorPerDay', 'attemptsPerDebtInDays', 'thirdParty', 'locationOnly', 'disclosure',
  'prohibitedConduct', 'paymentChannel', 'visitChecklist', 'effectiveCollection', 'doNotContact', 'timeBarred', 'voicemail',
  'validationNotice',
] as const;
export type CheckName = (typeof CHECKS)[number];

export const RuleSpec = z
  .object({
    id: z.string().regex(/^[A-Z]{2}-[A-Z0-9]+$/),
    kind: z.enum(['block', 'require', 'warn', 'info']),
    /** the engine check that enforces it at a contact; rules without one are enforced elsewhere (masking, retention) */
    check: z.enum(CHECKS).optional(),
    enforcedBy: z.string().optional(),
    title: Texts,
    /** the rule's text as the sources state it, shown in the rules screen */
    rule: Texts,
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type RuleSpec = z.infer<typeof RuleSpec>;

export const RulePack = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    name: Texts,
    extends: z.string().optional(),
    sources: z.array(z.string()).default([]),
    rules: z.array(RuleSpec),
  })
  .strict();
export type RulePack = z.infer<typeof RulePack>;

/** An overlay: the base pack's rules with the overlay's rules replacing or adding by id. */
export function resolvePack(pack: RulePack, lookup: (id: string) => RulePack | undefined): RulePack {
  if (!pack.extends) return pack;
  const base = lookup(pack.extends);
  if (!base) throw new Error(`Rule pack ${pack.id} extends unknown pack ${pack.extends}`);
  const resolved = resolvePack(base, lookup);
  const rules = new Map(resolved.rules.map((r) => [r.id, r]));
  for (const r of pack.rules) {
    const prev = rules.get(r.id);
    rules.set(r.id, prev ? { ...prev, ...r, params: { ...prev.params, ...r.params } } : r);
  }
  return { ...pack, sources: [...resolved.sources, ...pack.sources], rules: [...rules.values()] };
}
