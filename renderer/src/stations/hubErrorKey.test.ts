import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../resources/locales/stations.en.json';
import zh from '../../../resources/locales/stations.zh-CN.json';
import { ApiError } from '../api/errors';
import { hubErrorKey } from './hubErrorKey';

const failed = (details: Record<string, unknown>) => new ApiError('hub_failed', 'refused', details);

describe('a failed hub request in words', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zh }, en: { translation: en } } });
  });

  it('tells a wrong, used, expired or mistyped code, a wrong fingerprint and an unreachable hub apart', () => {
    expect(hubErrorKey(failed({ hubCode: 'enrollment_code_invalid', reason: 'used' }))).toBe('hub.errors.code_used');
    expect(hubErrorKey(failed({ hubCode: 'enrollment_code_invalid', reason: 'expired' }))).toBe('hub.errors.code_expired');
    expect(hubErrorKey(failed({ hubCode: 'enrollment_code_invalid', reason: 'wrong_proof' }))).toBe('hub.errors.code_unknown');
    expect(hubErrorKey(failed({ hubCode: 'invalid_input', reason: 'check' }))).toBe('hub.errors.code_mistyped');
    expect(hubErrorKey(failed({ hubCode: 'pin_mismatch' }))).toBe('hub.errors.pin_mismatch');
    expect(hubErrorKey(failed({ hubCode: 'unreachable', cause: 'ECONNREFUSED' }))).toBe('hub.errors.unreachable');
    expect(hubErrorKey(failed({ hubCode: 'setup_code_invalid' }))).toBe('hub.errors.setup_code_invalid');
    expect(hubErrorKey(new ApiError('conflict', 'x', { reason: 'already_station' }))).toBe('hub.errors.already_station');
    // anything else keeps the general sentence
    expect(hubErrorKey(failed({ hubCode: 'internal' }))).toBeNull();
    expect(hubErrorKey(new ApiError('forbidden', 'x'))).toBeNull();
  });

  it('has every sentence in both languages', () => {
    for (const key of Object.keys(zh.hub.errors)) {
      expect(i18next.t(`hub.errors.${key}`, { lng: 'zh-CN' })).not.toBe(`hub.errors.${key}`);
      expect(i18next.t(`hub.errors.${key}`, { lng: 'en' })).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
