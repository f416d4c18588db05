// The agency hub from the screens: a real hub process; the admin's browser-mode station connects to it in Admin →
// Stations by typing the address, fingerprint and setup code, enrolls a collector's station and reads the code off the
// screen; a second web host on an empty data folder joins through first run's "Join an agency hub" and the collector
// signs in there with his own password; the admin sees the station with its user, the lead's view shows the
// collector's last sync, and the station is revoked after a confirmation. Chinese throughout, then English.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, addUserZh, completeFirstRun, field, PASSPHRASE, signInZh } from './flows';
import { expect, ROOT, runScript, screenshot, startHost, stopProcess, test, type WebHost } from './fixtures';
import { HUB_CASES, HUB_COLLECTOR } from './seed-hub-cases';

interface HubReady {
  listening: string;
  fingerprint: string;
  setupCode: string;
}

/** `npm run hub -- --data DIR --listen 127.0.0.1:0`, up to its ready line (JSON: address, fingerprint, setup code). */
async function startHub(dataDir: string): Promise<{ child: ChildProcess; ready: HubReady }> {
  const child = spawn('npm', ['run', '--silent', 'hub', '--', '--data', dataDir, '--listen', '127.0.0.1:0'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const ready = await new Promise<HubReady>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the hub did not start: ${err}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.trim().startsWith('{') && l.includes('"fingerprint"'));
      if (line) {
        clearTimeout(timer);
        done(JSON.parse(line) as HubReady);
      }
    });
    child.once('exit', (code) => fail(new Error(`the hub exited ${code}: ${err}`)));
  });
  return { child, ready };
}

const ZHANG = HUB_COLLECTOR;
const LI = { name: 'li', displayName: '李娜', password: 'Li-pass-12' };

async function openStations(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '管理' }).click();
  await page.getByRole('tab', { name: '工作站' }).click();
}

test.setTimeout(240_000);

test('an admin connects to the hub, enrolls a collector’s station; it joins from first run; the admin lists and revokes it', async ({ page, host, browser }) => {
  const hubDir = mkdtempSync(join(tmpdir(), 'collectdesk-hub-'));
  const joinDir = mkdtempSync(join(tmpdir(), 'collectdesk-e2e-join-'));
  const hub = await startHub(hubDir);
  let second: WebHost | null = null;
  const other = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  try {
    expect(hub.ready.setupCode).toBeTruthy();
    await page.goto(host.url);
    await completeFirstRun(page);
    // the bank's client and three cases of 张伟's (as an import and an assignment would leave them)
    const restarted = await host.restart(() => runScript('test/e2e/seed-hub-cases.ts', [host.dataDir, PASSPHRASE]));
    await page.goto(restarted.url);
    await field(page, '数据库密码').fill(PASSPHRASE);
    await page.getByRole('button', { name: '解锁', exact: true }).click();
    await signInZh(page, ADMIN.name, ADMIN.password);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '管理' }).click();
    await addUserZh(page, LI, '催收员');

    // Admin → Stations: not connected yet; a wrong setup code is said so, the right one connects
    await page.getByRole('tab', { name: '工作站' }).click();
    const connect = page.getByRole('region', { name: '连接机构中心' });
    await expect(connect).toBeVisible();
    await field(page, '中心地址').fill(hub.ready.listening);
    await field(page, '本机名称').fill('管理员电脑');
    await field(page, '证书指纹').fill(hub.ready.fingerprint);
    await field(page, '设置码').fill('WRONG-0000');
    await page.getByRole('button', { name: '连接', exact: true }).click();
    await expect(connect.getByRole('alert')).toHaveText('设置码不正确。请核对中心启动时显示的设置码。');
    await field(page, '设置码').fill(hub.ready.setupCode);
    await page.getByRole('button', { name: '连接', exact: true }).click();
    await expect(page.getByText('已连接机构中心。')).toBeVisible();
    const self = page.getByRole('region', { name: '本机' });
    await expect(self).toContainText(hub.ready.listening);
    await expect(self).toContainText('完整副本');
    await expect(page.getByTestId('self-fingerprint')).toHaveText(hub.ready.fingerprint);
    const list = page.getByRole('table', { name: '工作站列表' });
    await expect(list.locator('tbody tr')).toHaveCount(1);
    await expect(list.locator('tbody tr')).toContainText('管理员电脑');
    await expect(list.locator('tbody tr')).toContainText('本机');

    // enroll a station for zhang: the code in groups to type, and as a QR code
    await page.getByRole('button', { name: '添加工作站…' }).click();
    const enroll = page.getByRole('dialog', { name: '添加工作站' });
    await enroll.getByRole('button', { name: '生成注册码' }).click();
    await expect(enroll.getByText('请至少选择一个用户。')).toBeVisible();
    await enroll.getByRole('checkbox', { name: /张伟/ }).check();
    await expect(enroll.getByRole('radio', { name: /催收员副本/ })).toBeChecked();
    await enroll.getByRole('button', { name: '生成注册码' }).click();
    const shown = page.getByRole('dialog', { name: '注册码' });
    const codeBox = shown.getByTestId('enrollment-code');
    await expect(codeBox).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}(-[0-9A-Z]{5}){5}-[0-9A-Z]{2}$/, { timeout: 30_000 });
    const code = (await codeBox.textContent()) ?? '';
    await expect(shown.getByTestId('code-group')).toHaveCount(8);
    await expect(shown.getByRole('img', { name: '注册码二维码' })).toBeVisible();
    await expect(shown).toContainText('用户：张伟');
    await expect(shown).toContainText(hub.ready.fingerprint);
    await expect(shown.getByTestId('code-expires')).toContainText(/有效期至 \d{4}\/\d{2}\/\d{2}/);
    await screenshot(page, 'hub-enroll-code');
    await shown.getByRole('button', { name: '完成' }).click();
    await expect(shown).toBeHidden();

    // a new computer: first run offers to join; a mistyped code is said so; the right one makes the store
    second = await startHost(joinDir);
    const pc = await other.newPage();
    const problems: string[] = [];
    pc.on('pageerror', (e) => problems.push(e.message));
    await pc.goto(second.url);
    await expect(pc.getByRole('heading', { name: '首次使用：创建数据库' })).toBeVisible();
    await expect(pc.getByText('机构已有中心服务器？')).toBeVisible();
    await screenshot(pc, 'hub-first-run');
    await pc.getByRole('button', { name: '加入机构中心…' }).click();
    const join = pc.getByRole('dialog', { name: '加入机构中心' });
    await join.getByRole('textbox', { name: '中心地址', exact: true }).fill(hub.ready.listening);
    await join.getByRole('textbox', { name: '证书指纹', exact: true }).fill(hub.ready.fingerprint);
    await join.getByRole('textbox', { name: '注册码', exact: true }).fill(code.slice(0, -1) + (code.endsWith('0') ? '1' : '0'));
    await join.getByRole('textbox', { name: '数据库密码', exact: true }).fill(PASSPHRASE);
    await join.getByRole('textbox', { name: '确认数据库密码', exact: true }).fill(PASSPHRASE);
    await join.getByRole('button', { name: '加入', exact: true }).click();
    await expect(join.getByRole('alert')).toHaveText('注册码输入有误（位数或校验位不对），请重新输入。', { timeout: 30_000 });
    // typed in lower case without hyphens: the same code
    await join.getByRole('textbox', { name: '注册码', exact: true }).fill(code.replaceAll('-', '').toLowerCase());
    await join.getByRole('textbox', { name: '本机名称（可不填）', exact: true }).fill('张伟的电脑');
    await screenshot(pc, 'hub-join-form');
    await join.getByRole('button', { name: '加入', exact: true }).click();
    await expect(pc.getByRole('heading', { name: '登录' })).toBeVisible({ timeout: 60_000 });
    await expect(pc.getByText('已加入机构中心。请用您自己的账户登录。')).toBeVisible();
    await signInZh(pc, ZHANG.name, ZHANG.password);
    await expect(pc.getByTestId('signed-in-role')).toHaveText('催收员');
    for (const caseNo of HUB_CASES) await expect(pc.getByText(caseNo)).toBeVisible();
    expect(problems).toEqual([]);

    // back at the admin: the station with its collector; the lead's view of his last sync
    await page.getByRole('button', { name: '刷新' }).click();
    await expect(list.locator('tbody tr')).toHaveCount(2);
    const his = list.locator('tbody tr', { hasText: '张伟' });
    await expect(his).toContainText('催收员副本');
    await expect(his).toContainText('正常');
    await expect(his).not.toContainText('从未联系');
    await page.mouse.move(700, 700);
    await expect(page.getByRole('tooltip')).toHaveCount(0);
    await screenshot(page, 'hub-stations');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '分案' }).click();
    const sync = page.getByRole('region', { name: '工作站同步' });
    const zhangRow = sync.getByRole('table', { name: '催收员同步情况' }).locator('tr[data-collector="zhang"]');
    await expect(zhangRow).toContainText('张伟');
    await expect(zhangRow).toContainText('张伟的电脑');
    await expect(zhangRow).toContainText(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    await expect(sync).toContainText('没有待交接的案件。');
    await expect(sync.locator('tr[data-collector="li"]')).toContainText('未加入工作站');

    // 张伟's cases go to 李娜: they wait for his computer's handover, and the lead sees which
    await page.getByRole('combobox', { name: '当前催收员' }).click();
    await page.getByRole('option', { name: '张伟', exact: true }).click();
    await expect(page.getByRole('listbox')).toBeHidden();
    await page.getByRole('checkbox', { name: /^李娜/ }).check();
    await page.getByRole('button', { name: '平均分配' }).click();
    await page.getByRole('dialog', { name: '确认分配' }).getByRole('button', { name: '仍要转走' }).click();
    const handovers = sync.getByRole('table', { name: '待交接的案件' });
    await expect(handovers.locator('tbody tr')).toHaveCount(HUB_CASES.length);
    await expect(handovers.locator('tbody tr').first()).toContainText('张伟');
    await expect(handovers.locator('tbody tr').first()).toContainText('李娜');
    await expect(handovers.locator('tbody tr').first()).toContainText('张伟的电脑');
    await expect(zhangRow.locator('td').last()).toHaveText(String(HUB_CASES.length));
    await sync.scrollIntoViewIfNeeded();
    await page.mouse.move(700, 100);
    await expect(page.getByText('已把 3 件案件分配给 1 名催收员。')).toBeHidden({ timeout: 10_000 });
    await screenshot(page, 'hub-station-sync');

    // revoke, with a confirmation that says what happens
    await openStations(page);
    await list.locator('tbody tr', { hasText: '张伟' }).getByRole('button', { name: /撤销/ }).click();
    const confirm = page.getByRole('dialog', { name: /^撤销工作站“.+”？$/ });
    await expect(confirm).toContainText('下次联系中心时，会自动删除本机保存的全部案件');
    await expect(confirm).toContainText('这台电脑的用户：张伟');
    await confirm.getByRole('button', { name: '确认撤销' }).click();
    await expect(confirm).toBeHidden();
    await expect(list.locator('tbody tr', { hasText: '张伟' })).toContainText(/\d{2}:\d{2} 撤销/);
    await expect(list.locator('tbody tr', { hasText: '张伟' }).getByRole('button', { name: /撤销/ })).toHaveCount(0);

    // in English
    await page.getByRole('button', { name: '账户菜单' }).click();
    await page.getByRole('menuitem', { name: 'Switch to English' }).click();
    await expect(page.getByRole('tab', { name: 'Stations' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'This computer' })).toContainText('Full replica');
    const listEn = page.getByRole('table', { name: 'Stations' });
    await expect(listEn.locator('tbody tr', { hasText: '张伟' })).toContainText('Collector replica');
    await expect(listEn.locator('tbody tr', { hasText: '张伟' })).toContainText('张伟的电脑');
    await expect(listEn.locator('tbody tr', { hasText: '张伟' })).toContainText('Revoked');
    await expect(listEn.locator('tbody tr', { hasText: '管理员电脑' })).toContainText('This computer');
    await screenshot(page, 'hub-stations-en');
    await page.getByRole('button', { name: 'Add a station…' }).click();
    await expect(page.getByRole('dialog', { name: 'Add a station' })).toContainText('Users of this computer');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Assignment' }).click();
    await expect(page.getByRole('region', { name: 'Station sync' })).toContainText('Handovers pending');
    await expect(page.getByRole('region', { name: 'Station sync' }).locator('tr[data-collector="zhang"]')).toContainText('张伟');
  } finally {
    await other.close();
    await second?.stop();
    await stopProcess(hub.child);
    rmSync(hubDir, { recursive: true, force: true });
    rmSync(joinDir, { recursive: true, force: true });
  }
});

test('first run’s join says when the hub cannot be reached or its fingerprint does not match (English)', async ({ page, host }) => {
  const hubDir = mkdtempSync(join(tmpdir(), 'collectdesk-hub-'));
  const hub = await startHub(hubDir);
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: '界面语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Join an agency hub…' }).click();
    const join = page.getByRole('dialog', { name: 'Join an agency hub' });
    await join.getByRole('textbox', { name: 'Hub address', exact: true }).fill('https://127.0.0.1:1');
    await join.getByRole('textbox', { name: 'Certificate fingerprint', exact: true }).fill(hub.ready.fingerprint);
    await join.getByRole('textbox', { name: 'Enrollment code', exact: true }).fill('ABCD-EFGH-SSSSS-SSSSS-SSSSS-SSSSS-SSSSS-SC');
    await join.getByRole('textbox', { name: 'Database passphrase', exact: true }).fill(PASSPHRASE);
    await join.getByRole('textbox', { name: 'Confirm passphrase', exact: true }).fill(PASSPHRASE);
    await join.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(join.getByRole('alert')).toContainText('The agency hub cannot be reached.', { timeout: 30_000 });
    await join.getByRole('textbox', { name: 'Hub address', exact: true }).fill(hub.ready.listening);
    await join.getByRole('textbox', { name: 'Certificate fingerprint', exact: true }).fill('AA:'.repeat(31) + 'AA');
    await join.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(join.getByRole('alert')).toContainText('The certificate fingerprint does not match', { timeout: 30_000 });
    await join.getByRole('button', { name: 'Cancel' }).click();
    // nothing was made: first run is still there
    await expect(page.getByRole('heading', { name: /^First run/ })).toBeVisible();
  } finally {
    await stopProcess(hub.child);
    rmSync(hubDir, { recursive: true, force: true });
  }
});
