// Two computers of one agency in browser mode and the agency hub between them, all real processes: the admin's
// computer (a full replica) and the collector's (her cases only). The collector records a promise at hers; the admin
// sees it on the open case screen within 5 s, with no reload; the hub goes away and comes back; the admin revokes the
// collector's computer, which says so and holds no case any more.
import type { BrowserContext, Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliProcess } from '../helpers/cli';
import { expect, ROOT, runScript, screenshot, startHost, stopProcess, test, type WebHost } from './fixtures';
import { dateField, typeDate } from './dates';
import { field, PASSPHRASE } from './flows';
import { choose, dataRows, FAKE_TODAY, queueGrid, signInCollector, TEN_AM_SHANGHAI, WB_COLLECTOR } from './workbench-flows';

const ADMIN = { name: 'admin', password: 'Admin-pass-1' };
const cliEnv = { COLLECTDESK_PASSPHRASE: PASSPHRASE };
const NOTE = '本人承诺今天通过银行官方渠道还款';
const NINE_AM_SHANGHAI = '2026-11-24T01:00:00Z';

interface Hub {
  child: ChildProcess;
  url: string;
  fingerprint: string;
  setupCode: string | null;
  port: number;
}

/** `npm run hub -- --data DIR --listen 127.0.0.1:PORT`, until it prints its ready line. */
async function startHub(dir: string, port = 0): Promise<Hub> {
  const child = spawn('npx', ['tsx', 'electron/hub/main.ts', '--data', dir, '--listen', `127.0.0.1:${port}`], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  const ready = await new Promise<{ listening: string; fingerprint: string; setupCode?: string }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`The hub did not start:\n${output}`)), 60_000);
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
      const line = output.split('\n').find((l) => l.startsWith('{"listening"'));
      if (line) {
        clearTimeout(timer);
        done(JSON.parse(line) as { listening: string; fingerprint: string; setupCode?: string });
      }
    });
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`The hub exited with ${code}:\n${output}`));
    });
  });
  return { child, url: ready.listening, fingerprint: ready.fingerprint, setupCode: ready.setupCode ?? null, port: Number(new URL(ready.listening).port) };
}

function cli(dir: string, ...args: string[]): Record<string, unknown> {
  const r = runCliProcess([...args, '--data', dir, '--json'], cliEnv);
  if (r.code !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.json;
}

/** A browser window of its own (its own cookie, so its own session) that fails the test on any console error. */
async function windowOf(context: BrowserContext, problems: string[], name: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`${name} pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${name} console.error: ${msg.text()}`);
  });
  return page;
}

const indicator = (page: Page) => page.getByTestId('hub-sync-status');

test.use({ timezoneId: 'Asia/Shanghai' });

test('two stations and a hub: a promise reaches the admin within 5 s; offline and back; a revoked station is wiped and says so', async ({ browser }) => {
  test.setTimeout(300_000);
  const root = mkdtempSync(join(tmpdir(), 'collectdesk-hub-e2e-'));
  const [hubDir, dirA, dirB] = ['hub', 'admin-pc', 'lina-pc'].map((d) => join(root, d)) as [string, string, string];
  const problems: string[] = [];
  let hub: Hub | null = null;
  const hosts: WebHost[] = [];
  try {
    // The hub, the admin's computer claiming it (bank-a's November placement, every case with the collector lina),
    // and lina's computer joining with a code.
    hub = await startHub(hubDir);
    expect(hub.setupCode).toBeTruthy();
    // seeded an hour before the hosts' 10:00, as the hosts date their own writes (a full replica sends the bank fields
    // of the cases changed since its last sync: rows dated after it would go out again at every round)
    const seeded = spawnSync('npx', ['tsx', 'test/e2e/seed-workbench.ts', dirA, PASSPHRASE], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, COLLECTDESK_NOW: NINE_AM_SHANGHAI } });
    expect(seeded.status, seeded.stderr).toBe(0);
    cli(dirA, 'hub', 'connect', '--hub', hub.url, '--fingerprint', hub.fingerprint, '--setup-code', hub.setupCode ?? '', '--name', '王经理的电脑', '--as', ADMIN.name);
    cli(dirA, 'hub', 'sync', '--once');
    const code = cli(dirA, 'station', 'enroll', '--user', WB_COLLECTOR.name).code as string;
    const joined = cli(dirB, 'station', 'join', '--hub', hub.url, '--fingerprint', hub.fingerprint, '--code', code, '--name', '李娜的电脑');
    expect(joined).toMatchObject({ ok: true, replica: 'partial' });

    const env = { COLLECTDESK_NOW: TEN_AM_SHANGHAI };
    const hostA = await startHost(dirA, env);
    hosts.push(hostA);
    const hostB = await startHost(dirB, env);
    hosts.push(hostB);
    const ctxA = await browser.newContext({ timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
    const ctxB = await browser.newContext({ timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
    const a = await windowOf(ctxA, problems, 'admin');
    const b = await windowOf(ctxB, problems, 'lina');

    // Lina at her computer: her queue, synced.
    await signInCollector(b, hostB.url);
    const gridB = queueGrid(b);
    await expect(b.getByText('共 200 条', { exact: false })).toBeVisible();
    await expect(indicator(b)).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });
    await expect(indicator(b)).toHaveText(/^已同步 · (刚刚|\d+ 分钟前)$/);
    const first = dataRows(gridB).first();
    const caseNo = (await first.locator('[data-field="caseNo"]').innerText()).trim();

    // The admin at hers opens the same case, on its promises tab: none yet.
    await a.goto(hostA.url);
    await field(a, '数据库密码').fill(PASSPHRASE);
    await a.getByRole('button', { name: '解锁', exact: true }).click();
    await field(a, '用户名').fill(ADMIN.name);
    await field(a, '密码').fill(ADMIN.password);
    await a.getByRole('button', { name: '登录', exact: true }).click();
    await expect(indicator(a)).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });
    await a.getByPlaceholder('案件编号、姓名、手机号或身份证号').fill(caseNo);
    const gridA = queueGrid(a);
    await expect(dataRows(gridA)).toHaveCount(1);
    await dataRows(gridA).first().click();
    await a.keyboard.press('Enter');
    await expect(a.getByRole('heading', { name: `案件 ${caseNo}` })).toBeVisible();
    await a.getByRole('tab', { name: /^承诺与计划/ }).click();
    await expect(a.getByTestId('promise-row')).toHaveCount(0);

    // Lina records a promise to pay through the gate and the script.
    await first.click();
    await b.keyboard.press('Enter');
    await expect(b.getByRole('heading', { name: `案件 ${caseNo}` })).toBeVisible();
    await b.getByRole('button', { name: '拨打本人的电话' }).first().click();
    await b.getByRole('region', { name: '拨号前检查' }).getByRole('button', { name: '开始通话' }).click();
    await expect(b.getByTestId('active-call')).toBeVisible();
    await choose(b, '结果', '承诺还款');
    await b.getByRole('textbox', { name: '承诺金额' }).fill('1,000');
    await typeDate(dateField(b, '承诺日期'), FAKE_TODAY);
    for (const rule of ['CN-ID', 'CN-R1', 'CN-RPC']) await b.getByRole('checkbox', { name: new RegExp(rule) }).check();
    await b.getByRole('textbox', { name: '备注' }).fill(NOTE);
    await b.getByRole('button', { name: '保存', exact: true }).click();
    await expect(b.getByText('催收结果已保存。')).toBeVisible();
    const saved = Date.now();

    // Within 5 s of the save, the admin's open case screen shows the promise: nobody reloads anything.
    await expect(a.getByTestId('promise-row')).toContainText('1,000.00', { timeout: 5000 });
    const seenMs = Date.now() - saved;
    await expect(a.getByTestId('promise-row')).toContainText('待履行');
    test.info().annotations.push({ type: 'promise seen at the admin station', description: `${seenMs} ms after the save` });
    console.log(`promise seen at the admin station ${seenMs} ms after the save`);
    await expect(indicator(b)).toHaveAttribute('data-state', 'synced');
    await screenshot(b, 'hub-station-synced');
    await screenshot(a, 'hub-admin-sees-promise');

    // The hub goes away: work goes on, the status says offline and counts what waits; back, it all goes up.
    await stopProcess(hub.child);
    await expect(indicator(b)).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
    await b.getByRole('button', { name: '标记', exact: true }).click();
    await b.getByRole('menuitem', { name: '弱势群体' }).click();
    await b.getByRole('button', { name: '确认标记' }).click();
    await expect(b.getByText('已标记：弱势群体')).toBeVisible();
    await expect(indicator(b)).toHaveText(/^离线 · \d+ 条待上传$/, { timeout: 5000 });
    await indicator(b).click();
    await expect(b.getByText('原因：无法连接机构服务器')).toBeVisible();
    await screenshot(b, 'hub-station-offline');
    await b.keyboard.press('Escape');
    hub = await startHub(hubDir, hub.port);
    await expect(indicator(b)).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });
    await expect(indicator(b)).toHaveText(/^已同步/);

    // The admin revokes lina's computer (the command line over the admin's store, beside the running app).
    cli(dirA, 'station', 'revoke', '--station', joined.stationId as string, '--as', ADMIN.name);
    await expect(b.getByTestId('hub-revoked-banner')).toBeVisible({ timeout: 10_000 });
    await expect(b.getByTestId('hub-revoked-banner')).toContainText('这台电脑已被机构停用');
    await expect(indicator(b)).toHaveText('本机已被停用');
    await b.getByRole('button', { name: '返回工作队列' }).click();
    await expect(b.getByText('共 0 条', { exact: false })).toBeVisible({ timeout: 5000 });
    await expect(dataRows(gridB)).toHaveCount(0);
    await screenshot(b, 'hub-station-revoked');

    // The admin's computer goes on; the admin's status stays synced.
    await expect(indicator(a)).toHaveAttribute('data-state', 'synced');
    await ctxA.close();
    await ctxB.close();

    // Lina's store itself holds no case any more.
    await hostB.stop();
    const shown = runCliProcess(['case', 'show', '--client', 'bank-a', '--case', caseNo, '--as', WB_COLLECTOR.name, '--data', dirB, '--json'], cliEnv);
    expect(shown.json).toMatchObject({ ok: false, error: { code: 'not_found' } });
    runScript('test/e2e/expect-no-cases.ts', [dirB, PASSPHRASE]);
    expect(problems).toEqual([]);
  } finally {
    for (const h of hosts) await h.stop();
    if (hub) await stopProcess(hub.child);
    rmSync(root, { recursive: true, force: true });
  }
});
