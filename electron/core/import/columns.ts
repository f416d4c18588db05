import type { ColumnRef, ImportKind, PaymentsSection, PlacementSection, RecallsSection } from '../../../shared/profile/schema';
import { PAYMENT_REQUIRED, PLACEMENT_REQUIRED, RECALL_REQUIRED } from '../../../shared/profile/schema';
import { CoreError } from '../errors';
import { findColumn } from './header';

export type AnySection = PlacementSection | PaymentsSection | RecallsSection;

/** The columns that must be in the header for the file to be read at all. */
export function requiredColumns(kind: ImportKind, section: AnySection): Record<string, ColumnRef> {
  const always: readonly string[] = kind === 'placement' ? PLACEMENT_REQUIRED : kind === 'payments' ? PAYMENT_REQUIRED : RECALL_REQUIRED;
  const cols = section.columns as Record<string, ColumnRef | undefined>;
  const fields = [...always, ...(section.requiredColumns ?? [])];
  const unmapped = fields.filter((f) => !cols[f]);
  if (unmapped.length > 0) {
    throw new CoreError('invalid_input', `The profile requires ${unmapped.join(', ')} but maps no column for ${unmapped.length > 1 ? 'them' : 'it'} (columns.${unmapped[0]}).`, { fields: unmapped });
  }
  return Object.fromEntries(fields.map((f) => [f, cols[f] as ColumnRef]));
}

/** Canonical field → column index (-1 when the file lacks it). Contact columns are keyed contacts.N.part / contacts.cell. */
export function resolveColumns(index: Map<string, number>, section: AnySection): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [field, ref] of Object.entries(section.columns as Record<string, ColumnRef | undefined>)) out[field] = findColumn(index, ref);
  const contacts = 'contacts' in section ? section.contacts : undefined;
  if (contacts && 'cell' in contacts) out['contacts.cell'] = findColumn(index, contacts.cell);
  if (contacts && 'columns' in contacts) {
    contacts.columns.forEach((c, i) => {
      out[`contacts.${i}.name`] = findColumn(index, c.name);
      out[`contacts.${i}.relation`] = findColumn(index, c.relation);
      out[`contacts.${i}.phone`] = findColumn(index, c.phone);
    });
  }
  return out;
}
