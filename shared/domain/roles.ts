export const ROLES = ['collector', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A lead sees the team's cases; an admin sees everything; a collector only their own. */
export function canSeeAllCases(role: Role): boolean {
  return role === 'lead' || role === 'admin';
}
