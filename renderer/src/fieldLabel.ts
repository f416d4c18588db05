import type { TFunction } from 'i18next';

/**
 * One map from a field's key (idNumber, contacts.1.phone, currentPassword) to its name in the current language, for
 * every screen and every file: the account fields (fields.*), then the bank files' fields (intake.field.*). A key found
 * in neither reads “某一项” / “a field”: never the key itself.
 */
export function fieldLabel(t: TFunction, field: string): string {
  // A contact group's part (contacts.1.phone): “联系人2电话”; the contacts cell: “联系人”.
  const part = /^contacts\.(\d+)\.(name|relation|phone)$/.exec(field);
  if (part) return t('intake.field.contactPart', { n: Number(part[1]) + 1, part: t(`intake.field.contactParts.${part[2]}`) });
  // A column named by the bank's header and our key, as a refused file reports it: “证件号码 (idNumber)”.
  const named = /\(([A-Za-z][A-Za-z0-9.]*)\)$/.exec(field);
  if (named?.[1]) return fieldLabel(t, named[1]);
  const key = field === 'contacts.cell' ? 'contacts' : field;
  return t([`fields.${key}`, `intake.field.${key}`, 'fields.unknown']);
}
