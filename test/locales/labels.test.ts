import { describe, expect, it } from 'vitest';
import { REJECTION_CODES } from '../../electron/core/import/row-reader';
import { i18n, LANGUAGES } from '../../renderer/src/i18n';
import { fieldLabel } from '../../renderer/src/fieldLabel';
import { CASE_FLAGS, RESULT_CODES } from '../../shared/compliance/types';
import { CONTACT_STATUSES } from '../../shared/contract/workbench';
import { RELATIONS } from '../../shared/domain/relations';
import { ROLES } from '../../shared/domain/roles';
import { PAYMENT_FIELDS, PLACEMENT_FIELDS, RECALL_FIELDS } from '../../shared/profile/schema';

/** Every value the core can send that a screen or a file shows in words: each has its words in both languages. */
const LABELLED: [prefix: string, values: readonly string[]][] = [
  ['wb.results', RESULT_CODES],
  ['wb.flags', CASE_FLAGS],
  ['wb.relations', RELATIONS],
  ['wb.contactStatus', CONTACT_STATUSES],
  ['intake.field', [...PLACEMENT_FIELDS, ...PAYMENT_FIELDS, ...RECALL_FIELDS]],
  ['intake.reason', REJECTION_CODES],
  ['roles', ROLES],
];

describe('no internal names in the interface', () => {
  for (const language of LANGUAGES) {
    const t = i18n.getFixedT(language);
    for (const [prefix, values] of LABELLED) {
      it(`${language}: every ${prefix} value has its words`, () => {
        const missing = values.filter((v) => !i18n.exists(`${prefix}.${v}`, { lng: language }));
        expect(missing).toEqual([]);
      });
    }

    it(`${language}: a field is named in words by the one field map, never by its key`, () => {
      for (const field of [...PLACEMENT_FIELDS, 'contacts.1.phone', 'currentPassword', 'displayName']) {
        const label = fieldLabel(t, field);
        expect(label).not.toBe(field);
        expect(label).not.toMatch(/[a-z][A-Z]|\w\.\w/);
      }
      expect(fieldLabel(t, 'idNumber')).toBe(language === 'zh-CN' ? '证件号码' : t('intake.field.idNumber'));
      expect(fieldLabel(t, 'contacts.1.phone')).toBe(language === 'zh-CN' ? '联系人2电话' : t('intake.field.contactPart', { n: 2, part: t('intake.field.contactParts.phone') }));
      // a column a refused file names by the bank's header and our key
      expect(fieldLabel(t, '证件号码 (idNumber)')).toBe(fieldLabel(t, 'idNumber'));
      // a key the app has no words for reads as “a field”, not as the key
      expect(fieldLabel(t, 'someNewField')).toBe(language === 'zh-CN' ? '某一项' : 'a field');
    });
  }
});
