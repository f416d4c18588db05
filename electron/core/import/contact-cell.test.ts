import { describe, expect, it } from 'vitest';
import { parseContactCell } from './placement-row';

const read = (text: string) => parseContactCell(text, ';；', { 表哥: 'other', 干妈: 'parent' });

describe('a cell holding several contact persons', () => {
  it('reads the documented form, full-width and with spaces, dashes or +86 in the phone', () => {
    expect(read('张三（配偶）１３８００００００００；李四(同事) +86 139-0000-0000')).toEqual([
      { name: '张三', relation: 'spouse', phone: '13800000000' },
      { name: '李四', relation: 'colleague', phone: '13900000000' },
    ]);
    expect(read('吴十(朋友)010-88886666;周九(干妈)13800000009')).toEqual([
      { name: '吴十', relation: 'friend', phone: '01088886666' },
      { name: '周九', relation: 'parent', phone: '13800000009' },
    ]);
  });

  it('reads the ways banks vary it: phone first, a note after the phone, no brackets', () => {
    expect(read('13800000004(母亲)周九')).toEqual([{ name: '周九', relation: 'parent', phone: '13800000004' }]);
    expect(read('孙八(兄弟)13800000003(备用)')).toEqual([{ name: '孙八', relation: 'sibling', phone: '13800000003' }]);
    expect(read('赵六 同事 13800000002')).toEqual([{ name: '赵六', relation: 'colleague', phone: '13800000002' }]);
    expect(read('丙13800000241')).toEqual([{ name: '丙', relation: 'other', phone: '13800000241' }]);
  });

  it('reads name, relation and phone joined by dashes or colons, as some banks write them', () => {
    expect(parseContactCell('王芳-配偶-13900000001/张强－父亲－137-0000-0001/李四:同事:13600000001', '/', {})).toEqual([
      { name: '王芳', relation: 'spouse', phone: '13900000001' },
      { name: '张强', relation: 'parent', phone: '13700000001' },
      { name: '李四', relation: 'colleague', phone: '13600000001' },
    ]);
    // a last word that is no relation stays in the name, as with spaces; one that means "other" is the relation
    expect(read('13800000005-欧阳-娜娜')).toEqual([{ name: '欧阳-娜娜', relation: 'other', phone: '13800000005' }]);
    expect(read('周某-亲戚-13300000005;郑某 表哥 13300000006')).toEqual([
      { name: '周某', relation: 'other', phone: '13300000005' },
      { name: '郑某', relation: 'other', phone: '13300000006' },
    ]);
  });

  it('skips an entry without a phone one could dial, and keeps the others', () => {
    expect(read('乙(配偶);丁(朋友)无;钱七(同事)12345;李四(母亲)不详;王五(父亲)138-0000-0001')).toEqual([
      { name: '王五', relation: 'parent', phone: '13800000001' },
    ]);
    expect(read('')).toEqual([]);
  });
});
