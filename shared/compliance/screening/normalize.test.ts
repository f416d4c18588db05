import { describe, expect, it } from 'vitest';
import { normalizeNote } from './normalize';

const REWRITES = [
  { from: 'sb', to: '傻逼' },
  { from: 'zfb', to: '支付宝' },
  { from: '帐户', to: '账户' },
];

describe('normalizeNote', () => {
  it('folds full width to half width and lower case', () => {
    expect(normalizeNote('ＡＢＣ１２３，ｆｏｏ！').text).toBe('abc123,foo!');
  });

  it('turns traditional characters (Hong Kong and Taiwan forms too) into simplified ones', () => {
    expect(normalizeNote('讓你全家和單位都知道').text).toBe('让你全家和单位都知道');
    expect(normalizeNote('裡面，裏面，臺灣，帳戶').text).toBe('里面,里面,台湾,帐户');
  });

  it('writes out abbreviations and homophone spellings, Latin ones only as whole words', () => {
    expect(normalizeNote('你个SB，转ZFB', REWRITES).text).toBe('你个傻逼,转支付宝');
    expect(normalizeNote('转到我的帳戶', REWRITES).text).toBe('转到我的账户');
    expect(normalizeNote('absbc', REWRITES).text).toBe('absbc');
  });

  it('drops padding between Chinese characters but keeps the words of English apart', () => {
    expect(normalizeNote('去 你 家').text).toBe('去你家');
    expect(normalizeNote('去*你*家').text).toBe('去你家');
    expect(normalizeNote('watch   your back').text).toBe('watch your back');
  });

  it.each([
    ['zero-width space', '\u200b'],
    ['zero-width non-joiner', '\u200c'],
    ['zero-width joiner', '\u200d'],
    ['word joiner', '\u2060'],
    ['soft hyphen', '\u00ad'],
    ['variation selector 16', '\ufe0f'],
    ['variation selector supplement', '\u{e0100}'],
    ['right-to-left override', '\u202e'],
    ['left-to-right embedding', '\u202a'],
    ['first strong isolate', '\u2068'],
    ['pop directional isolate', '\u2069'],
    ['byte order mark', '\ufeff'],
    ['tag character', '\u{e0041}'],
    ['Mongolian vowel separator', '\u180e'],
    ['combining grapheme joiner', '\u034f'],
  ])('removes the invisible %s', (_name, ch) => {
    expect(normalizeNote(`去${ch}你${ch}家`).text).toBe('去你家');
    expect(normalizeNote(`war${ch}rant`).text).toBe('warrant');
  });

  it('takes accents and look-alike Cyrillic letters off Latin words', () => {
    expect(normalizeNote('jáil').text).toBe('jail');
    expect(normalizeNote('аrrеst').text).toBe('arrest'); // Cyrillic а and е
  });

  it('maps every normalised span back to the original text', () => {
    const original = '客戶稱：ＳＢ\u200b一個，去\u200d你 家';
    const n = normalizeNote(original, REWRITES);
    const at = n.text.indexOf('傻逼');
    const back = n.original(at, at + 2);
    expect(original.slice(back.start, back.end)).toBe('ＳＢ');
    const home = n.text.indexOf('去你家');
    const span = n.original(home, home + 3);
    expect(original.slice(span.start, span.end)).toBe('去\u200d你 家');
  });
});
