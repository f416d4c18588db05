import { z } from 'zod';

/**
 * The screening lexicon of one language (resources/rule-packs/screening/*.json): data, not code. Patterns are
 * regular expressions over the normalised note; `{name}` stands for the word class `name` of `words`.
 *
 * A relation rule fires when every pattern of `all` is found, in any order, in the clause of the first one
 * (its head, the act) or within `window` clauses of it in the same sentence, none of them negated, and no
 * pattern of `none` (a mitigating context) is found there.
 */
const Pattern = z.string().min(1);

export const RelationRule = z
  .object({
    id: z.string().min(1),
    category: z.string().min(1),
    kind: z.enum(['block', 'warn']),
    all: z.array(Pattern).min(1),
    none: z.array(Pattern).default([]),
    /** how many neighbouring clauses of the same sentence the other parts may sit in */
    window: z.number().int().min(0).max(3).default(0),
    /** the head is not checked for negation (the pattern carries its own, e.g. 不会放过你) */
    ownNegation: z.boolean().default(false),
  })
  .strict();
export type RelationRule = z.infer<typeof RelationRule>;

export const ScreeningLexicon = z
  .object({
    lang: z.enum(['zh', 'en']),
    /** each category: the pack rule it belongs to and how it is named to the collector */
    categories: z.record(z.string(), z.object({ rule: z.string().regex(/^[A-Z]{2}-[A-Z0-9]+$/), 'zh-CN': z.string(), en: z.string() }).strict()),
    rewrites: z.array(z.tuple([z.string().min(1), z.string()])).default([]),
    words: z.record(z.string(), Pattern),
    speaker: z
      .object({
        /** a marker of someone else's words (客户称, consumer said): that clause and the rest of its sentence */
        reported: z.array(Pattern),
        /** the party of a marker is the collector's addressee, not the speaker (跟客户说, told consumer) */
        addressee: Pattern,
        /** a clause starting with this is the collector's again */
        collector: Pattern,
      })
      .strict(),
    negation: z
      .object({
        cue: Pattern,
        maxGap: z.number().int().min(0).max(60),
        breaks: Pattern,
        /** a cue that negates only what follows it directly (不收现金, but not 不还就上门) */
        adjacent: Pattern.optional(),
      })
      .strict(),
    /** a sentence warning the debtor against fraud: hits of `categories` in it are not the collector's conduct */
    fraudWarning: z.object({ patterns: z.array(Pattern), categories: z.array(z.string()) }).strict(),
    rules: z.array(RelationRule),
  })
  .strict();
export type ScreeningLexicon = z.infer<typeof ScreeningLexicon>;

/** A part of a rule: a pattern, or the client's repayment channels (written `{channels}` in the lexicon). */
export type RulePart = RegExp | 'channels';

export interface CompiledRule extends Omit<RelationRule, 'all' | 'none'> {
  all: RegExp[];
  none: RulePart[];
}

export interface CompiledLexicon {
  source: ScreeningLexicon;
  rewrites: { from: string; to: string }[];
  reported: RegExp[];
  addressee: RegExp;
  collector: RegExp;
  negationCue: RegExp;
  negationBreaks: RegExp;
  negationAdjacent: RegExp | null;
  maxGap: number;
  fraud: RegExp[];
  fraudCategories: Set<string>;
  rules: CompiledRule[];
}

const REF = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;
const CHANNELS = '{channels}';

function expand(pattern: string, words: Record<string, string>, seen: string[] = []): string {
  return pattern.replace(REF, (whole, name: string) => {
    if (name === 'channels') throw new Error(`screening lexicon: {channels} stands alone, as one part of a rule's "none" ("${pattern}")`);
    const w = words[name];
    if (w === undefined) throw new Error(`screening lexicon: unknown word class {${name}} in "${pattern}"`);
    if (seen.includes(name)) throw new Error(`screening lexicon: word class {${name}} refers to itself`);
    return `(?:${expand(w, words, [...seen, name])})`;
  });
}

function compile(pattern: string, words: Record<string, string>, flags = 'gu'): RegExp {
  const source = expand(pattern, words);
  try {
    return new RegExp(source, flags);
  } catch (err) {
    throw new Error(`screening lexicon: bad pattern "${pattern}": ${(err as Error).message}`, { cause: err });
  }
}

/** Validates a lexicon and compiles its patterns (once per lexicon object). */
export function compileLexicon(raw: unknown): CompiledLexicon {
  const lex = ScreeningLexicon.parse(raw);
  const w = lex.words;
  return {
    source: lex,
    rewrites: lex.rewrites.map(([from, to]) => ({ from, to })),
    reported: lex.speaker.reported.map((p) => compile(p, w)),
    addressee: compile(`(?:${lex.speaker.addressee})$`, w, 'u'),
    collector: compile(`^\\s*(?:${lex.speaker.collector})`, w, 'u'),
    negationCue: compile(lex.negation.cue, w),
    negationBreaks: compile(lex.negation.breaks, w, 'u'),
    negationAdjacent: lex.negation.adjacent ? compile(`(?:${lex.negation.adjacent})$`, w, 'u') : null,
    maxGap: lex.negation.maxGap,
    fraud: lex.fraudWarning.patterns.map((p) => compile(p, w)),
    fraudCategories: new Set(lex.fraudWarning.categories),
    rules: lex.rules.map((r) => {
      if (!lex.categories[r.category]) throw new Error(`screening lexicon: rule ${r.id} names unknown category ${r.category}`);
      return {
        ...r,
        all: r.all.map((p) => compile(p, w)),
        none: r.none.map((p): RulePart => (p === CHANNELS ? 'channels' : compile(p, w))),
      };
    }),
  };
}
