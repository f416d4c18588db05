/** Canonical relations of a contact person to the debtor (DESIGN.md: 本人/配偶/父母/子女/兄弟姐妹/同事/朋友/其他). */
export const RELATIONS = ['self', 'spouse', 'parent', 'child', 'sibling', 'colleague', 'friend', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

/** The words banks write, mapped to the canonical relation. A profile may add its own words. */
export const RELATION_WORDS: Record<string, Relation> = {
  本人: 'self', 自己: 'self', 借款人: 'self',
  配偶: 'spouse', 夫妻: 'spouse', 丈夫: 'spouse', 妻子: 'spouse', 老公: 'spouse', 老婆: 'spouse', 爱人: 'spouse',
  父母: 'parent', 父亲: 'parent', 母亲: 'parent', 爸爸: 'parent', 妈妈: 'parent', 父: 'parent', 母: 'parent',
  子女: 'child', 儿子: 'child', 女儿: 'child', 子: 'child', 女: 'child',
  兄弟姐妹: 'sibling', 兄弟: 'sibling', 姐妹: 'sibling', 哥哥: 'sibling', 弟弟: 'sibling', 姐姐: 'sibling', 妹妹: 'sibling', 兄妹: 'sibling', 姐弟: 'sibling',
  同事: 'colleague', 领导: 'colleague', 上司: 'colleague',
  朋友: 'friend', 同学: 'friend',
  其他: 'other', 其它: 'other', 亲戚: 'other', 亲属: 'other',
};

/** The relation a word names (the profile's words first, then the usual ones, then the canonical names); null when it names none. */
export function knownRelation(word: string | null, extra: Record<string, Relation> = {}): Relation | null {
  if (!word) return null;
  const w = word.trim();
  const known = extra[w] ?? RELATION_WORDS[w];
  if (known) return known;
  return (RELATIONS as readonly string[]).includes(w) ? (w as Relation) : null;
}

export function toRelation(word: string | null, extra: Record<string, Relation> = {}): Relation {
  return knownRelation(word, extra) ?? 'other';
}
