import { describe, expect, it } from 'vitest';
import { hasTraditional, toSimplified } from './t2s';

describe('toSimplified', () => {
  it('converts traditional characters and Hong Kong / Taiwan variant forms', () => {
    expect(toSimplified('再不還錢我們就去你家')).toBe('再不还钱我们就去你家');
    expect(toSimplified('裡面、裏面、臺灣')).toBe('里面、里面、台湾');
  });
  it('leaves simplified and other text as it is, without building the converter', () => {
    expect(hasTraditional('再不还钱我们就去你家 watch your back')).toBe(false);
    expect(toSimplified('再不还钱我们就去你家')).toBe('再不还钱我们就去你家');
  });
  it('keeps the length of the text for ordinary notes (offsets stay aligned)', () => {
    const t = '客戶稱收到法院傳票，問是不是我們發的';
    expect(toSimplified(t)).toHaveLength(t.length);
  });
});

describe('skipping the converter is exact', () => {
  it('a text without a character to convert comes out of the full converter unchanged', async () => {
    const { ConverterFactory } = await import('opencc-js/core');
    const dicts = await Promise.all(['HKVariantsRev', 'TWVariantsRev', 'TSPhrases', 'TSCharacters'].map(async (d) => ((await import(`opencc-js/dict/${d}`)) as { default: string }).default));
    const full = ConverterFactory([[dicts[0] as string, dicts[1] as string], [dicts[2] as string, dicts[3] as string]]);
    const samples = ['再不还钱我们就去你家', '沉默不语，不了解', '干净的衣服', '只见树木不见森林', '后果自负', '还款到本人信用卡', '客户称下周一发工资后还款'];
    for (const s of [...samples, '讓你全家和單位都知道', '乾淨']) {
      if (!hasTraditional(s)) expect(full(s)).toBe(s);
      expect(toSimplified(s)).toBe(full(s));
    }
  });
});
