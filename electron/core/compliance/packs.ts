import cn2026 from '../../../resources/rule-packs/cn-2026.json' with { type: 'json' };
import usRegf from '../../../resources/rule-packs/us-regf.json' with { type: 'json' };
import usRegfMa from '../../../resources/rule-packs/us-regf-ma.json' with { type: 'json' };
import { resolvePack, RulePack } from '../../../shared/compliance/pack';

/** The shipped rule packs (resources/rule-packs), validated and with overlays resolved. */
const RAW = [cn2026, usRegf, usRegfMa].map((p) => RulePack.parse(p));
const byId = new Map(RAW.map((p) => [p.id, p]));

export const RULE_PACK_IDS = RAW.map((p) => p.id);

export function rulePack(id: string): RulePack {
  const pack = byId.get(id);
  if (!pack) throw new Error(`Unknown rule pack "${id}"`);
  return resolvePack(pack, (x) => byId.get(x));
}
