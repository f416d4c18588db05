import type { StationUser } from '../../../shared/contract/stations';

/** A station's user as people know them: the display name with the 工号, e.g. 张伟（A-007） / 张伟. */
export function userLabel(u: StationUser, language: string): string {
  const name = u.displayName ?? u.name ?? u.id.slice(0, 8);
  if (!u.staffNo) return name;
  return language === 'zh-CN' ? `${name}（${u.staffNo}）` : `${name} (${u.staffNo})`;
}

export function userList(users: StationUser[], language: string): string {
  return users.map((u) => userLabel(u, language)).join(language === 'zh-CN' ? '、' : ', ');
}
