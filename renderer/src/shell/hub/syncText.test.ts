import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HubStatus } from '../../../../shared/contract/hub';
import en from '../../../../resources/locales/sync-status.en.json';
import zh from '../../../../resources/locales/sync-status.zh-CN.json';
import { errorReason, syncLabel } from './syncText';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { 'zh-CN': { translation: zh }, en: { translation: en } }, lng: 'zh-CN', interpolation: { escapeValue: false } });
});

const NOW = Date.parse('2026-12-07T10:00:00Z');
const base: HubStatus = {
  connected: true, state: 'synced', stationName: '李娜的电脑', replica: 'partial', lastSyncAt: '2026-12-07T09:58:00Z', pendingUp: 0, handoversPending: 0,
  lastError: null, clockAheadMinutes: null, revokedAt: null, received: 0, nextAttemptAt: null,
};
const when = (iso: string) => iso.slice(0, 10);

describe('the sync indicator’s words', () => {
  it('in Chinese', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(syncLabel(base, NOW, t, when)).toBe('已同步 · 2 分钟前');
    expect(syncLabel({ ...base, lastSyncAt: '2026-12-07T09:59:30Z' }, NOW, t, when)).toBe('已同步 · 刚刚');
    expect(syncLabel({ ...base, lastSyncAt: '2026-12-07T07:00:00Z' }, NOW, t, when)).toBe('已同步 · 3 小时前');
    expect(syncLabel({ ...base, lastSyncAt: '2026-12-01T07:00:00Z' }, NOW, t, when)).toBe('已同步 · 2026-12-01');
    expect(syncLabel({ ...base, state: 'offline', pendingUp: 3, lastError: 'unreachable' }, NOW, t, when)).toBe('离线 · 3 条待上传');
    expect(syncLabel({ ...base, state: 'offline' }, NOW, t, when)).toBe('离线');
    expect(syncLabel({ ...base, state: 'syncing' }, NOW, t, when)).toBe('同步中…');
    expect(syncLabel({ ...base, state: 'revoked' }, NOW, t, when)).toBe('本机已被停用');
    expect(syncLabel({ ...base, state: 'clock_ahead', clockAheadMinutes: 7 }, NOW, t, when)).toBe('本机时钟快了 7 分钟');
    expect(errorReason('unreachable', t)).toBe('原因：无法连接机构服务器');
    expect(errorReason('forbidden', t)).toBe('原因：服务器拒绝了请求（forbidden）');
    expect(errorReason('revoked', t)).toBeNull();
  });

  it('in English', () => {
    const t = i18n.getFixedT('en');
    expect(syncLabel(base, NOW, t, when)).toBe('Synced · 2 min ago');
    expect(syncLabel({ ...base, state: 'offline', pendingUp: 3 }, NOW, t, when)).toBe('Offline · 3 waiting to upload');
    expect(syncLabel({ ...base, state: 'clock_ahead', clockAheadMinutes: 7 }, NOW, t, when)).toBe("This computer's clock is 7 min ahead");
    expect(syncLabel({ ...base, state: 'revoked' }, NOW, t, when)).toBe('This computer was revoked');
  });

  it('both catalogues have the same keys', () => {
    const keys = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v as object, `${p}${k}.`) : [`${p}${k}`])).sort();
    expect(keys(en)).toEqual(keys(zh));
  });
});
