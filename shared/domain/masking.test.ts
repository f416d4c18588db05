import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './masking';

describe('masking', () => {
  it('masks as DESIGN.md shows', () => {
    expect(maskIdNumber('11010519491231123X')).toBe('1101**********123X');
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskName('欧阳明月')).toBe('欧**月');
    expect(maskName('张三')).toBe('张*');
    expect(maskPhone(null)).toBeNull();
  });
});
