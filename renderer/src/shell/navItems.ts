import type { Role } from '../../../shared/domain/roles';

export const SCREENS = ['queue', 'case', 'myFigures', 'import', 'assignment', 'approvals', 'review', 'dashboard', 'returns', 'admin'] as const;
export type ScreenKey = (typeof SCREENS)[number];

export type NavGroup = 'daily' | 'team' | 'system';

export interface NavItem {
  key: ScreenKey;
  group: NavGroup;
  roles: readonly Role[];
}

const EVERYONE: readonly Role[] = ['collector', 'lead', 'admin'];
const LEADS: readonly Role[] = ['lead', 'admin'];

/** The left navigation, in order; each item names who may see it. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'queue', group: 'daily', roles: EVERYONE },
  { key: 'case', group: 'daily', roles: EVERYONE },
  { key: 'myFigures', group: 'daily', roles: ['collector'] },
  { key: 'import', group: 'team', roles: LEADS },
  { key: 'assignment', group: 'team', roles: LEADS },
  { key: 'approvals', group: 'team', roles: LEADS },
  { key: 'review', group: 'team', roles: LEADS },
  { key: 'dashboard', group: 'team', roles: LEADS },
  { key: 'returns', group: 'team', roles: LEADS },
  { key: 'admin', group: 'system', roles: ['admin'] },
];

export function visibleItems(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
