import { describe, expect, it } from 'vitest';
import { parseCalendarDate, fromExcelSerial } from './dates';
import { formatFen, parseAmountFen } from './money';
import { isNoNumber, isValidPhone, normalisePhone } from './phone';
import { checkCharacter, parseResidentId } from './resident-id';
import { toRelation } from './relations';
import { cleanText, toHalfWidth } from './text';

describe('amounts into integer fen', () => {
  it.each([
    ['152218.77', 15221877],
    ['¥12,345.67', 1234567],
    ['￥１２，３４５．６７', 1234567],
    ['１２３４５．６７', 1234567],
    [' 89,451.78 元', 8945178],
    ['100', 10000],
    ['0.1', 10],
    ['3.50', 350],
    ['3.500', 350],
  ])('%s yuan -> %i fen', (raw, fen) => expect(parseAmountFen(raw, 'yuan')).toEqual({ ok: true, fen }));

  it('reads a minus before or after the number, or brackets, as negative: refused, or returned when signed', () => {
    for (const raw of ['-2345.60', '2345.60-', '(2,345.60)', '¥2,345.60-']) {
      expect(parseAmountFen(raw, 'yuan')).toEqual({ ok: false, code: 'negative' });
      expect(parseAmountFen(raw, 'yuan', true)).toEqual({ ok: true, fen: -234560 });
    }
    expect(parseAmountFen(-12.5, 'yuan', true)).toEqual({ ok: true, fen: -1250 });
    expect(parseAmountFen('12-34', 'yuan')).toEqual({ ok: false, code: 'not_a_number' });
  });

  it('takes spreadsheet numbers without floating-point drift', () => {
    expect(parseAmountFen(122500.88, 'yuan')).toEqual({ ok: true, fen: 12250088 });
    expect(parseAmountFen(0.29, 'yuan')).toEqual({ ok: true, fen: 29 });
    expect(parseAmountFen(1234, 'fen')).toEqual({ ok: true, fen: 1234 });
  });

  it('takes a formula result that drifted by a float error, but no fraction of a fen', () => {
    expect(parseAmountFen(0.1 + 0.2, 'yuan')).toEqual({ ok: true, fen: 30 });
    expect(parseAmountFen(30000.000000000004, 'yuan')).toEqual({ ok: true, fen: 3000000 });
    expect(parseAmountFen(1234.5600000000002, 'yuan')).toEqual({ ok: true, fen: 123456 });
    expect(parseAmountFen(12.345, 'yuan')).toEqual({ ok: false, code: 'not_a_number' });
    expect(parseAmountFen(12.5, 'fen')).toEqual({ ok: false, code: 'not_a_number' });
    expect(parseAmountFen(-0.5, 'yuan')).toEqual({ ok: false, code: 'negative' });
    expect(parseAmountFen(98765432.1, 'yuan')).toEqual({ ok: true, fen: 9876543210 });
  });

  it('reports negatives and non-numbers, and more than two decimals of yuan', () => {
    expect(parseAmountFen('-500.00', 'yuan')).toEqual({ ok: false, code: 'negative' });
    expect(parseAmountFen('abc', 'yuan')).toEqual({ ok: false, code: 'not_a_number' });
    expect(parseAmountFen('12.345', 'yuan')).toEqual({ ok: false, code: 'not_a_number' });
    expect(parseAmountFen('12.5', 'fen')).toEqual({ ok: false, code: 'not_a_number' });
    expect(parseAmountFen('', 'yuan')).toEqual({ ok: false, code: 'not_a_number' });
  });

  it('formats fen for people', () => {
    expect(formatFen(1234567)).toBe('12,345.67');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(-100)).toBe('-1.00');
  });
});

describe('phones', () => {
  it.each([
    ['+86 138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['(010) 6512-3456', '01065123456'],
    [' 138 0013 8000 ', '13800138000'],
    // a note in brackets is not part of the number; an area code in brackets is
    ['13800138000（本人）', '13800138000'],
    ['(母亲) 13800138000', '13800138000'],
    ['（0394）8123456', '03948123456'],
    // the line to dial, without its extension
    ['0394-8123456转802', '03948123456'],
    ['0394-8123456 分机 802', '03948123456'],
    ['010-65123456 ext. 12', '01065123456'],
    ['0371-6234567-802', '03716234567'],
  ])('%s -> %s', (raw, phone) => expect(normalisePhone(raw)).toBe(phone));

  it('knows a plausible number', () => {
    expect(isValidPhone('13800138000')).toBe(true);
    expect(isValidPhone('01065123456')).toBe(true);
    expect(isValidPhone('12345')).toBe(false);
    expect(isValidPhone('6234567')).toBe(false);
    expect(isValidPhone('00000000000')).toBe(false);
    expect(isValidPhone('13333333333')).toBe(true);
    expect(normalisePhone('  ')).toBeNull();
  });

  it('knows what banks write for "no number"', () => {
    for (const raw of ['无', '暂无', '不详', 'NULL', 'N/A', '-', '--', '/', '00000000000', '0', '11111111111', ' 0000 0000 ']) expect(isNoNumber(raw), raw).toBe(true);
    for (const raw of ['13800138000', '6234567', '010-65123456', '张三']) expect(isNoNumber(raw), raw).toBe(false);
  });
});

describe('resident ID numbers (GB 11643)', () => {
  it('accepts a valid number and derives gender and birth date', () => {
    expect(parseResidentId('11010519491231002X')).toEqual({ ok: true, idNumber: '11010519491231002X', gender: 'F', birthDate: '1949-12-31' });
    expect(parseResidentId('370102198602249048')).toMatchObject({ ok: true, gender: 'F', birthDate: '1986-02-24' });
    expect(parseResidentId('330106198305048395')).toMatchObject({ ok: true, gender: 'M', birthDate: '1983-05-04' });
    expect(parseResidentId('11010519491231002x')).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
  });

  it('refuses a wrong check character and impossible numbers', () => {
    expect(parseResidentId('110105194912310021')).toEqual({ ok: false, code: 'checksum' });
    expect(parseResidentId('510104198007017541')).toEqual({ ok: false, code: 'checksum' });
    expect(parseResidentId('11010519491331002X')).toEqual({ ok: false, code: 'invalid' });
    expect(parseResidentId('1101051949')).toEqual({ ok: false, code: 'invalid' });
  });

  it('upgrades an old 15-digit number', () => {
    const r = parseResidentId('110105491231002');
    expect(r).toMatchObject({ ok: true, birthDate: '1949-12-31' });
    expect(r.ok && r.idNumber).toBe(`11010519491231002${checkCharacter('11010519491231002')}`);
  });
});

describe('calendar dates', () => {
  it('reads the formats a profile names', () => {
    expect(parseCalendarDate('2026/11/01', ['YYYY/MM/DD'])).toBe('2026-11-01');
    expect(parseCalendarDate('2026/1/5', ['YYYY/MM/DD'])).toBe('2026-01-05');
    expect(parseCalendarDate('20261101', ['YYYYMMDD'])).toBe('2026-11-01');
    expect(parseCalendarDate('2026-11-01', ['YYYY/MM/DD'])).toBeNull();
    expect(parseCalendarDate('2026年11月3日', ['YYYY年MM月DD日'])).toBe('2026-11-03');
  });
  it('refuses impossible dates', () => {
    expect(parseCalendarDate('2026/13/45', ['YYYY/MM/DD'])).toBeNull();
    expect(parseCalendarDate('2026/02/29', ['YYYY/MM/DD'])).toBeNull();
  });
  it('reads Excel serial numbers and spreadsheet dates', () => {
    expect(fromExcelSerial(46329)).toBe('2026-11-03');
    expect(parseCalendarDate(46329, ['excel'])).toBe('2026-11-03');
    expect(parseCalendarDate(46329, ['YYYY-MM-DD'])).toBeNull();
  });
  it('reads a date the bank typed as a number (20261103) with YYYYMMDD, and an Excel serial beside it', () => {
    expect(parseCalendarDate(20261103, ['YYYYMMDD'])).toBe('2026-11-03');
    expect(parseCalendarDate(20261103, ['excel', 'YYYYMMDD'])).toBe('2026-11-03');
    expect(parseCalendarDate(46329, ['YYYYMMDD', 'excel'])).toBe('2026-11-03');
    expect(parseCalendarDate(20261103, ['excel'])).toBeNull();
    expect(parseCalendarDate(20261345, ['YYYYMMDD'])).toBeNull();
    expect(parseCalendarDate(new Date('2026-11-03T00:00:00.000Z'), [])).toBe('2026-11-03');
  });
});

describe('text and relations', () => {
  it('normalises full-width characters and trims', () => {
    expect(toHalfWidth('ＡＢＣ１２３，．')).toBe('ABC123,.');
    expect(cleanText('  毛然海  ')).toBe('毛然海');
    expect(cleanText('\u3000')).toBeNull();
  });
  it('maps the words banks use for relations', () => {
    expect(toRelation('母亲')).toBe('parent');
    expect(toRelation('姐妹')).toBe('sibling');
    expect(toRelation('配偶')).toBe('spouse');
    expect(toRelation('表哥')).toBe('other');
    expect(toRelation('表哥', { 表哥: 'sibling' })).toBe('sibling');
  });
});
