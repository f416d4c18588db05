import type { ColumnRef, ImportKind, PaymentsSection, PlacementSection, RecallsSection } from '../../../shared/profile/schema';
import { PAYMENT_REQUIRED, PLACEMENT_REQUIRED, RECALL_REQUIRED } from '../../../shared/profile/schema';
import { CoreError } from '../errors';
import { findColumn, type HeaderIndex } from './header';

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

/**
 * The columns the profile maps, in the order they take a repeated header: the fields of `columns`, then the contact
 * cell or the contact groups' parts (keyed contacts.cell / contacts.N.part; a part the group does not map has no ref).
 */
export function mappedColumns(section: AnySection): [field: string, ref: ColumnRef | undefined][] {
  const out: [string, ColumnRef | undefined][] = Object.entries(section.columns as Record<string, ColumnRef | undefined>);
  const contacts = 'contacts' in section ? section.contacts : undefined;
  if (contacts && 'cell' in contacts) out.push(['contacts.cell', contacts.cell]);
  if (contacts && 'columns' in contacts) {
    contacts.columns.forEach((c, i) => out.push([`contacts.${i}.name`, c.name], [`contacts.${i}.relation`, c.relation], [`contacts.${i}.phone`, c.phone]));
  }
  return out;
}

/**
 * Canonical field → column index (-1 when the file lacks it). A header name the file repeats is taken left to right:
 * first by the fields of `columns`, then by the contact groups in their order (the second group's 关系 is the second
 * 关系 column).
 */
export function resolveColumns(index: HeaderIndex, section: AnySection): Record<string, number> {
  const taken = new Map<string, number>();
  return Object.fromEntries(mappedColumns(section).map(([field, ref]) => [field, findColumn(index, ref, taken)]));
}
