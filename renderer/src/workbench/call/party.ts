/** The person on the line, as the script and the compliance engine see it. */
export type ScriptParty = 'debtor' | 'related' | 'third';
export type Party = ScriptParty | 'none';
export const SCRIPT_PARTIES: ScriptParty[] = ['debtor', 'related', 'third'];

const FAMILY = ['spouse', 'parent', 'child', 'sibling'];

/** Who a contact person most likely is when they answer: the debtor, family (related), anyone else (third party). */
export function partyOf(relation: string): ScriptParty {
  if (relation === 'self') return 'debtor';
  return FAMILY.includes(relation) ? 'related' : 'third';
}
