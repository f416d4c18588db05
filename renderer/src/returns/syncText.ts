import type { TFunction } from 'i18next';
import type { SyncClientStatus, SyncRoundResult } from '../../../shared/contract/sync';

/** Why sync is off, in the UI's language (the core's sentence stays available as a tooltip). */
export function offText(s: SyncClientStatus, t: TFunction): string {
  return s.url === null ? t('returns.sync.offNoSection') : t('returns.sync.offOther');
}

/** A round's outcome in one sentence. */
export function roundText(r: SyncRoundResult, name: string, t: TFunction): string {
  const pulled = r.pulled.placements + r.pulled.payments + r.pulled.recalls;
  if (r.ok) return t('returns.sync.roundOk', { client: name, pushed: r.pushed, acknowledged: r.acknowledged, pulled });
  const first = r.errors[0];
  const reason = first ? t(`returns.sync.codes.${first.code}`, { defaultValue: t('returns.sync.codes.internal') }) : t('returns.sync.codes.internal');
  return t('returns.sync.roundFailed', { client: name, reason });
}
