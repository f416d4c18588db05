import type { TFunction } from 'i18next';
import type { HubStatus } from '../../../../shared/contract/hub';

/** "just now", "2 min ago", "3 h ago", or the date and time when it was longer ago than a day. */
export function agoText(iso: string, nowMs: number, t: TFunction, formatDateTime: (iso: string) => string): string {
  const ms = nowMs - Date.parse(iso);
  if (!Number.isFinite(ms) || ms < 60_000) return t('hubSync.ago.justNow');
  if (ms < 3_600_000) return t('hubSync.ago.minutes', { count: Math.floor(ms / 60_000) });
  if (ms < 86_400_000) return t('hubSync.ago.hours', { count: Math.floor(ms / 3_600_000) });
  return formatDateTime(iso);
}

/** The indicator's words: 已同步 · 2 分钟前 / 离线 · 3 条待上传 / 同步中… / 本机已被停用 … */
export function syncLabel(s: HubStatus, nowMs: number, t: TFunction, formatDateTime: (iso: string) => string): string {
  switch (s.state) {
    case 'synced':
      return s.lastSyncAt ? t('hubSync.label.synced', { ago: agoText(s.lastSyncAt, nowMs, t, formatDateTime) }) : t('hubSync.label.syncedNever');
    case 'offline':
      return s.pendingUp > 0 ? t('hubSync.label.offlinePending', { count: s.pendingUp }) : t('hubSync.label.offline');
    case 'clock_ahead':
      return t('hubSync.label.clock_ahead', { minutes: s.clockAheadMinutes ?? 1 });
    case 'revoked':
    case 'update_required':
    case 'reenroll_required':
    case 'syncing':
      return t(`hubSync.label.${s.state}`);
    case 'not_connected':
      return '';
  }
}

/** The reason under an offline state, in words (never the bare code). */
export function errorReason(code: string | null, t: TFunction): string | null {
  if (!code || code === 'revoked' || code === 'clock_ahead' || code === 'update_required' || code === 'reenroll_required') return null;
  if (code === 'unreachable' || code === 'pin_mismatch' || code === 'stale_request') return t(`hubSync.error.${code}`);
  return t('hubSync.error.other', { code });
}

export type Tone = 'success' | 'info' | 'warning' | 'error';

export function toneOf(s: HubStatus): Tone {
  if (s.state === 'synced') return 'success';
  if (s.state === 'syncing') return 'info';
  if (s.state === 'revoked') return 'error';
  return 'warning';
}
