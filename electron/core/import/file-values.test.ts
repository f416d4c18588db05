import { describe, expect, it } from 'vitest';
import { fileDate, fileHand, fileValue } from './file-values';

const TITLE = '消费金融公司 委外分案清单\n分案日期：２０２６年１２月０１日 手别：６ 批次号：ＣＦ－０１';

describe('values given once per file', () => {
  it('finds full-width digits and letters in the title rows with \\d and [A-Z], keeping full-width punctuation for the pattern', () => {
    expect(fileHand({ fromTitleRows: '手别：(\\d+)' }, 'D.csv', TITLE)).toBe('6');
    expect(fileDate({ fromTitleRows: '分案日期：(\\d{4}年\\d{1,2}月\\d{1,2}日)' }, 'D.csv', TITLE, ['YYYY年MM月DD日'], 'placedAt')).toBe('2026-12-01');
    expect(fileValue({ fromTitleRows: '批次号：([A-Z]+－\\d+)' }, 'D.csv', TITLE)).toBe('CF－01');
    expect(fileValue({ fromFileName: '_(\\d{8})' }, '/in/D_２０２６１２０１.csv', '')).toBe('20261201');
  });

  it('refuses the file when the value found is no date or no hand, naming it', () => {
    expect(() => fileDate({ fromFileName: '_(\\d{8})' }, 'D_20261345.csv', '', ['YYYYMMDD'], 'placedAt')).toThrow(/D_20261345\.csv: placedAt taken from the file name is "20261345"/);
    expect(() => fileHand({ value: 0 }, 'D.csv', '')).toThrow(/hand taken from the profile is "0"/);
  });
});
