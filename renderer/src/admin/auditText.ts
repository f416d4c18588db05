import type { TFunction } from 'i18next';
import type { AuditRow } from '../../../shared/contract/admin';
import type { SheetData } from '../export/xlsx';
import { formatDateTime } from '../format';
import type { Language } from '../i18n';

/** Actions with a name in the locales (auditLog.actions); others are shown as recorded. */
export const NAMED_ACTIONS = new Set<string>([
  'auth.sign_in', 'auth.sign_in_failed', 'auth.sign_in_refused', 'auth.sign_out', 'auth.password_change_failed', 'auth.password_change_refused',
  'user.create', 'user.update', 'user.password_change', 'user.password_reset', 'user.disable', 'user.enable',
  'client.create', 'client.update', 'client.sync_secret_set', 'client.sync_secret_remove',
  'import.placement', 'import.payments', 'import.recalls', 'activity.record', 'compliance.override', 'pii.unmask', 'pii.search',
  'case.assign', 'case.assign.undo', 'case.flag_raise', 'case.flag_clear', 'case.purge', 'plan.approve', 'plan.reject',
  'backup.create', 'backup.restore', 'returns.export', 'promise.settle', 'demo.generate',
  'backup.schedule', 'backup.prune',
]);
const VIA = new Set(['ui', 'web', 'cli', 'sync', 'system']);

export const actionText = (t: TFunction, action: string): string => (NAMED_ACTIONS.has(action) ? t(`auditLog.actions.${action}`) : action);
export const viaText = (t: TFunction, via: string): string => (VIA.has(via) ? t(`auditLog.via.${via}`) : via);

function valueText(t: TFunction, v: unknown, names: ReadonlyMap<string, string>, language: string): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return names.get(v) ?? v;
  if (typeof v === 'number') return v.toLocaleString(language);
  if (typeof v === 'boolean') return t(v ? 'auditLog.yes' : 'auditLog.no');
  if (Array.isArray(v)) return v.map((x) => valueText(t, x, names, language)).join(t('auditLog.listSep'));
  const o = v as Record<string, unknown>;
  if ('userId' in o && 'cases' in o) return t('auditLog.userCases', { name: valueText(t, o.userId, names, language), n: valueText(t, o.cases, names, language) });
  if ('from' in o && 'to' in o && Object.keys(o).length === 2) return `${valueText(t, o.from, names, language)} → ${valueText(t, o.to, names, language)}`;
  return `{${fieldsText(t, o, names, language)}}`;
}

function fieldsText(t: TFunction, o: Record<string, unknown>, names: ReadonlyMap<string, string>, language: string): string {
  return Object.entries(o)
    .map(([k, v]) => `${t(`auditLog.keys.${k}`, { defaultValue: k })}: ${valueText(t, v, names, language)}`)
    .join(t('auditLog.fieldSep'));
}

/**
 * An event's details in words: each field by its name, user ids as the users' names, a change as from → to, numbers
 * in the language's grouping. Details that are not a JSON object are shown as recorded.
 */
export function detailsText(t: TFunction, details: string, names: ReadonlyMap<string, string>, language: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return details;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return details;
  return fieldsText(t, parsed as Record<string, unknown>, names, language);
}

/** The events as the table shows them, for the XLSX and CSV exports (which neutralise formula-like text). */
export function auditSheet(t: TFunction, rows: AuditRow[], names: ReadonlyMap<string, string>, language: Language): SheetData {
  return {
    sheetName: t('auditLog.title'),
    headers: [t('auditLog.col.seq'), t('auditLog.col.at'), t('auditLog.col.actor'), t('auditLog.col.via'), t('auditLog.col.action'), t('auditLog.col.entity'), t('auditLog.col.details'), t('auditLog.col.raw')],
    rows: rows.map((r) => [
      r.seq,
      formatDateTime(r.at, language),
      r.actor ?? t('auditLog.system'),
      viaText(t, r.via),
      actionText(t, r.action),
      r.entity ? `${t(`auditLog.entities.${r.entity}`, { defaultValue: r.entity })}${r.entityId ? ` ${names.get(r.entityId) ?? r.entityId}` : ''}` : '',
      detailsText(t, r.details, names, language),
      r.details,
    ]),
  };
}
