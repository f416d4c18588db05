import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCliInProcess, runCliProcess } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

/** screen-notes: a file of notes screened with the client's pack, as `activity add` would; nothing written. */
const tmp = makeTempDir();
const data = join(tmp.dir, 'data');
const env = { COLLECTDESK_PASSPHRASE: 'correct horse battery staple', COLLECTDESK_PASSWORD: 'password-123' };
const cli = (...args: string[]) => runCliInProcess([...args, '--data', data, '--json'], env);
const file = (name: string, content: string | Buffer) => {
  const p = join(tmp.dir, name);
  writeFileSync(p, content);
  return p;
};

beforeAll(async () => {
  const usProfile = { ...JSON.parse(readFileSync(join(ROOT, 'resources/profiles/bank-a.json'), 'utf8')), code: 'us-bank', name: 'US Bank', rulePack: 'us-regf', timezone: 'America/New_York' };
  delete usProfile.repaymentChannels;
  for (const args of [
    ['init', '--admin', 'boss'],
    ['client', 'add', '--profile', join(ROOT, 'resources/profiles/bank-a.json')],
    ['client', 'add', '--profile', file('us-bank.json', JSON.stringify(usProfile))],
  ]) {
    const r = await cli(...args);
    expect(r.code, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
  }
});
afterAll(() => tmp.cleanup());

describe('screen-notes', () => {
  it('screens each line with the client’s pack: block, review or pass, naming rule, category and words', async () => {
    const notes = file(
      'zh.txt',
      [
        '\ufeff再不还钱我们就去你家',
        '客户称下周一发工资后通过手机银行还款',
        '',
        '讓你全家和單位都知道',
        '客户称之前有人说要把他欠钱的事告诉他老婆',
        '把钱转到我个人微信',
        '还款到本人信用卡\r',
        '再\u200b不\u200b还\u200b钱\u200b就\u200b上\u200b门\u200b闹\u200b事',
      ].join('\n'),
    );
    const r = await cli('screen-notes', '--client', 'bank-a', notes);
    expect(r.code, r.stderr).toBe(0);
    const got = (r.json.notes as { line: number; verdict: string; rules: { rule: string; category: string; match: string }[] }[]).map((n) => ({ line: n.line, verdict: n.verdict, first: n.rules[0] }));
    expect(got).toEqual([
      { line: 1, verdict: 'block', first: expect.objectContaining({ rule: 'CN-P', category: 'threat', match: expect.stringContaining('去你家') }) },
      { line: 2, verdict: 'pass', first: undefined },
      { line: 4, verdict: 'block', first: expect.objectContaining({ rule: 'CN-P', category: 'exposure' }) },
      { line: 5, verdict: 'warn', first: expect.objectContaining({ rule: 'CN-P', category: 'exposure' }) },
      { line: 6, verdict: 'block', first: expect.objectContaining({ rule: 'CN-PAY', category: 'nonBankPayment', match: expect.stringContaining('转到我个人') }) },
      { line: 7, verdict: 'pass', first: undefined },
      { line: 8, verdict: 'block', first: expect.objectContaining({ rule: 'CN-P', category: 'threat' }) },
    ]);
  });

  it('uses the pack of the client: US-P for a us-regf client', async () => {
    const notes = file('en.txt', 'Told cons there is a warrant out for his arrest\nAdvised consumer we will not contact her employer\n');
    const r = await cli('screen-notes', '--client', 'us-bank', notes);
    expect(r.json).toEqual({
      ok: true,
      notes: [
        { line: 1, verdict: 'block', rules: [expect.objectContaining({ rule: 'US-P', category: 'falseRepresentation' })] },
        { line: 2, verdict: 'pass', rules: [] },
      ],
    });
  });

  it('writes nothing to the database', async () => {
    const db = join(data, 'collectdesk.db');
    const before = createHash('sha256').update(readFileSync(db)).digest('hex');
    expect((await cli('screen-notes', '--client', 'bank-a', file('one.txt', '你给我等着'))).code).toBe(0);
    expect(createHash('sha256').update(readFileSync(db)).digest('hex')).toBe(before);
  });

  it('refuses a file that is not UTF-8, or cannot be read, naming it', async () => {
    const gbk = file('gbk.txt', Buffer.from([0xd4, 0xd9, 0xb2, 0xbb, 0xbb, 0xb9, 0xc7, 0xae]));
    expect(await cli('screen-notes', '--client', 'bank-a', gbk)).toMatchObject({ code: 1, json: { ok: false, error: { code: 'unreadable_file', message: expect.stringContaining('gbk.txt: is not UTF-8') } } });
    expect(await cli('screen-notes', '--client', 'bank-a', join(tmp.dir, 'missing.txt'))).toMatchObject({ code: 1, json: { ok: false, error: { code: 'unreadable_file', message: expect.stringContaining('missing.txt') } } });
  });

  it('refuses an unknown client, and bad usage with exit 2', async () => {
    const notes = file('ok.txt', '客户承诺月底还款');
    expect(await cli('screen-notes', '--client', 'nope', notes)).toMatchObject({ code: 1, json: { ok: false, error: { code: 'not_found' } } });
    expect((await cli('screen-notes', notes)).code).toBe(2);
    expect((await cli('screen-notes', '--client', 'bank-a')).code).toBe(2);
  });

  it('prints a person’s summary without --json, from the real command', () => {
    const notes = file('human.txt', '你给我等着\n客户承诺月底还款\n');
    const r = runCliProcess(['screen-notes', '--client', 'bank-a', notes, '--data', data], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1\s+BLOCK\s+CN-P threat “你给我等着”/);
    expect(r.stdout).toContain('2 notes in human.txt: 1 blocked, 0 to review, 1 passed.');
  });
});
