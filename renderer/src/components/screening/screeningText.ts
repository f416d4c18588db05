import type { TFunction } from 'i18next';

/** The categories of note screening the packs name (CN-P, CN-PAY, US-P). */
export const SCREENING_CATEGORIES = ['threat', 'insult', 'violence', 'impersonation', 'exposure', 'nonBankPayment', 'profanity', 'falseRepresentation', 'disclosure'] as const;

/** A category of note screening in words; an unknown one (a newer pack) by its key. */
export function categoryText(t: TFunction, category: string): string {
  return (SCREENING_CATEGORIES as readonly string[]).includes(category) ? t(`screening.category.${category}`) : category;
}
