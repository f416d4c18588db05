import cn2026 from '../../../resources/rule-packs/cn-2026.json' with { type: 'json' };
import enLexicon from '../../../resources/rule-packs/screening/en.json' with { type: 'json' };
import enModel from '../../../resources/rule-packs/screening/en.model.json' with { type: 'json' };
import zhLexicon from '../../../resources/rule-packs/screening/zh.json' with { type: 'json' };
import zhModel from '../../../resources/rule-packs/screening/zh.model.json' with { type: 'json' };
import usRegf from '../../../resources/rule-packs/us-regf.json' with { type: 'json' };
import usRegfMa from '../../../resources/rule-packs/us-regf-ma.json' with { type: 'json' };
import { resolvePack, RulePack } from '../../../shared/compliance/pack';
import type { ScreeningData } from '../../../shared/compliance/screening/screen';

/**
 * The note-screening data a pack's rule names in `params.screening` (resources/rule-packs/screening): the
 * language's lexicon and its trained model.
 */
const SCREENING: Record<string, ScreeningData> = {
  zh: { lexicon: zhLexicon, model: zhModel },
  en: { lexicon: enLexicon, model: enModel },
};

/** A rule that names its screening data gets the data itself (one object per language, shared by its rules). */
function withScreening(pack: RulePack): RulePack {
  return {
    ...pack,
    rules: pack.rules.map((r) => {
      const name = r.params.screening;
      if (name === undefined) return r;
      const data = typeof name === 'string' ? SCREENING[name] : undefined;
      if (!data) throw new Error(`Rule pack ${pack.id}: rule ${r.id} names unknown screening data ${JSON.stringify(name)} (known: ${Object.keys(SCREENING).join(', ')})`);
      return { ...r, params: { ...r.params, screening: data } };
    }),
  };
}

/** The shipped rule packs (resources/rule-packs), validated, with their screening data and overlays resolved. */
const RAW = [cn2026, usRegf, usRegfMa].map((p) => withScreening(RulePack.parse(p)));
const byId = new Map(RAW.map((p) => [p.id, p]));

export const RULE_PACK_IDS = RAW.map((p) => p.id);

export function rulePack(id: string): RulePack {
  const pack = byId.get(id);
  if (!pack) throw new Error(`Unknown rule pack "${id}"`);
  return resolvePack(pack, (x) => byId.get(x));
}
