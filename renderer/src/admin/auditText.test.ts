import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import zh from '../../../resources/locales/admin.zh-CN.json';
import { detailsText } from './auditText';

describe('audit details in words', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zh } } });
  });
  const names = new Map([['u-1', '张伟'], ['u-2', '李娜']]);
  it('names users, fields and changes instead of raw JSON', () => {
    const t = i18next.t;
    expect(detailsText(t, JSON.stringify({ cases: 1200, to: [{ userId: 'u-1', cases: 600 }, { userId: 'u-2', cases: 600 }] }), names, 'zh-CN')).toBe('案件数: 1,200；分给: 张伟 600 件、李娜 600 件');
    expect(detailsText(t, JSON.stringify({ staff_no: { from: null, to: 'CS-01' } }), names, 'zh-CN')).toBe('工号: — → CS-01');
    expect(detailsText(t, 'not json', names, 'zh-CN')).toBe('not json');
  });
});
