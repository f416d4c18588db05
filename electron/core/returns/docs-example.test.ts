import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { value } from '../../../test/helpers/core';
import { shippedProfile } from '../../../test/helpers/fixtures';
import { setupWithClients } from '../../../test/helpers/import';
import { ReturnsSection } from '../../../shared/profile/returns-schema';
import { addClient } from '../clients/clients';
import { exportReturns } from './export-returns';
import { seedReturnsPeriod } from './test-support';

const DOC = fileURLToPath(new URL('../../../docs/profiles.md', import.meta.url));

/** The returns example of docs/profiles.md, as a profile section. */
function docsReturns(): unknown {
  const text = readFileSync(DOC, 'utf8');
  const section = text.slice(text.indexOf('## Returns to the bank'));
  const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!json) throw new Error('no returns example in docs/profiles.md');
  return (JSON.parse(`{${json}}`) as { returns: unknown }).returns;
}

describe('docs/profiles.md returns example', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  beforeEach(async () => {
    env = await setupWithClients();
  });
  afterEach(() => env.cleanup());

  it('is a valid returns section that writes the file it describes', async () => {
    const returns = ReturnsSection.parse(docsReturns());
    addClient(env.db, env.actor, { ...shippedProfile('bank-a', 'bank-d'), returns }, env.now);
    const u = value(await env.app.dispatch('users.add', { name: 'c1', displayName: '催收员甲', role: 'collector', password: 'password-1' }));
    seedReturnsPeriod(env.db, 'bank-d', u.id);
    const r = await exportReturns(env.db, env.actor, { clientCode: 'bank-d', from: '2026-11-05', to: '2026-11-07' }, { now: env.now });
    const lines = iconv.decode(r.bytes, 'gbk').split('\r\n');
    expect(lines[0]).toBe('委外机构代码,案件编号,记录类型,证件号码,催收时间,联系对象,催收结果,承诺金额,承诺还款日,退案原因,催收备注');
    expect(lines[2]).toBe('WW0001,A261100000001,催记,110101199003071234,2026/11/05 09:30:00,本人,A01,,,,"\'=HYPERLINK(""http://x"")"');
    expect(iconv.decode(r.dailyReport!.bytes, 'gbk').split('\r\n')[4]).toBe('合计,2,3,500.00');
  });
});
