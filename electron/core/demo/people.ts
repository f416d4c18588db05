import { checkCharacter } from '../../../shared/domain/resident-id';
import type { Random } from './random';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌宇浩凯鹏飞波琳晨欣怡佳雪梅婷倩鑫丹蕾晶颖昊然博涵睿';
const CITIES: [string, string][] = [
  ['110101', '北京市东城区'], ['310104', '上海市徐汇区'], ['440305', '深圳市南山区'], ['330106', '杭州市西湖区'],
  ['370102', '济南市历下区'], ['500103', '重庆市渝中区'], ['320102', '南京市玄武区'], ['510104', '成都市锦江区'],
  ['420106', '武汉市武昌区'], ['610113', '西安市雁塔区'],
];
const ROADS = ['人民路', '解放路', '建设路', '新华路', '中山路', '和平路', '长江路', '滨江路'];
const EMPLOYERS = ['某某贸易有限公司', '某某科技有限公司', '某某餐饮管理有限公司', '某某物流有限公司', '个体经营', '自由职业', '某某建筑工程有限公司'];
export const RELATIONS = ['spouse', 'parent', 'sibling', 'colleague', 'friend', 'other'] as const;

export interface Person {
  name: string;
  idNumber: string;
  gender: 'M' | 'F';
  birthDate: string;
  mobile: string;
  address: string;
  employer: string;
}

export function person(r: Random, n: number): Person {
  const [area, city] = r.pick(CITIES);
  const year = r.int(1960, 2002);
  const month = r.int(1, 12);
  const day = r.int(1, 28);
  const seq = r.int(0, 999);
  const first17 = `${area}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  const name = r.pick([...SURNAMES]) + r.pick([...GIVEN]) + (r.next() < 0.6 ? r.pick([...GIVEN]) : '');
  return {
    name,
    idNumber: first17 + checkCharacter(first17),
    gender: seq % 2 === 1 ? 'M' : 'F',
    birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    mobile: phone(r, n),
    address: `${city}${r.pick(ROADS)}${r.int(1, 999)}号${r.int(1, 30)}栋${r.int(101, 2999)}室`,
    employer: r.pick(EMPLOYERS),
  };
}

/** A mainland mobile, unique per n. */
export function phone(r: Random, n: number): string {
  const prefix = r.pick(['133', '135', '136', '137', '138', '139', '150', '151', '158', '177', '186', '188', '199']);
  return `${prefix}${String((n * 7919 + 1234567) % 100_000_000).padStart(8, '0')}`;
}

export function contactName(r: Random): string {
  return r.pick([...SURNAMES]) + r.pick([...GIVEN]);
}
