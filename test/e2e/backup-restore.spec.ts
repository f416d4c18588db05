import type { Locator, Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUserZh, ADMIN, completeFirstRun, field, PASSPHRASE, signInZh } from './flows';
import { expect, ROOT, runScript, test } from './fixtures';

const COLLECTOR = { name: 'lizhen', displayName: '李珍', password: 'Collector-1' };
/** The dialogs' screenshots, to look at (not committed). */
const SCREENS = join(ROOT, '.tmp', 'screens');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

async function openAdminTab(page: Page, tab: '用户' | '审计' | '数据'): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '管理' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

async function addCollector(page: Page): Promise<void> {
  await openAdminTab(page, '用户');
  await addUserZh(page, COLLECTOR, '催收员');
}

function userRow(page: Page, name: string): Locator {
  return page.getByRole('row').filter({ hasText: name });
}

test('admin makes a backup, changes the data, restores the backup through the dialog and signs in to the restored state', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page);

  await openAdminTab(page, '数据');
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('备份完成')).toBeVisible();
  const backups = page.getByRole('table', { name: '已有备份' });
  await expect(backups.locator('tbody tr')).toHaveCount(1);
  const name = (await backups.locator('tbody tr td').first().textContent())?.trim() ?? '';
  expect(name).toMatch(/^collectdesk-\d{4}-\d{2}-\d{2}-\d{4}\.cdbackup$/);

  // A change after the backup: a new collector.
  await addCollector(page);
  await expect(userRow(page, COLLECTOR.name)).toHaveCount(1);

  await openAdminTab(page, '数据');
  await page.getByRole('button', { name: `从 ${name} 恢复` }).click();
  const dialog = page.getByRole('dialog', { name: '从备份恢复？' });
  await expect(dialog).toContainText('当前数据将被替换');
  await expect(dialog.getByTestId('restore-backup-name')).toHaveText(name);
  await shot(page, 'restore-admin-dialog');

  // A wrong passphrase changes nothing: the dialog says so and stays open.
  await dialog.getByRole('button', { name: '替换为此备份' }).click();
  await expect(dialog.getByText('请填写此项')).toBeVisible();
  await field(page, '备份的数据库密码').fill('not the passphrase');
  await dialog.getByRole('button', { name: '替换为此备份' }).click();
  await expect(dialog.getByRole('alert')).toContainText('无法用这个密码打开备份');
  await shot(page, 'restore-admin-dialog-wrong-passphrase');

  await field(page, '备份的数据库密码').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: '替换为此备份' }).click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`已恢复到备份 ${name}`);

  await signInZh(page, ADMIN.name, ADMIN.password);
  await openAdminTab(page, '用户');
  await expect(userRow(page, ADMIN.name)).toHaveCount(1);
  await expect(userRow(page, COLLECTOR.name)).toHaveCount(0);

  // The safety backup of what was replaced sits beside the restored one.
  await openAdminTab(page, '数据');
  await expect(backups.locator('tbody tr')).toHaveCount(2);
  await expect(backups).toContainText(/collectdesk-\d{4}-\d{2}-\d{2}-\d{4}-before-restore\.cdbackup/);
  await shot(page, 'restore-admin-data-list');

  await openAdminTab(page, '审计');
  const restoreRow = page.getByRole('table', { name: '审计记录' }).locator('tr[data-action="backup.restore"]');
  await expect(restoreRow).toHaveCount(1);
  await expect(restoreRow).toContainText('从备份恢复');
  await expect(restoreRow).toContainText(ADMIN.displayName);
});

test('first run: restore a backup through an upload; a wrong passphrase leaves no database', async ({ page, host }) => {
  const tmp = mkdtempSync(join(tmpdir(), 'collectdesk-e2e-backup-'));
  try {
    const file = join(tmp, '夜间备份.cdbackup');
    runScript('test/e2e/seed-backup.ts', [file, PASSPHRASE, ADMIN.name, ADMIN.displayName, ADMIN.password, COLLECTOR.name]);

    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: '首次使用：创建数据库' })).toBeVisible();
    await shot(page, 'restore-first-run-screen');
    await page.getByRole('button', { name: '从备份恢复…' }).click();
    const dialog = page.getByRole('dialog', { name: '从备份恢复' });
    await expect(dialog).toContainText('还没有选择文件');
    await dialog.getByRole('button', { name: '恢复', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText('请先选择备份文件。');

    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: '选择备份文件…' }).click();
    await (await chooser).setFiles(file);
    await expect(dialog.getByTestId('restore-file')).toContainText('夜间备份.cdbackup');

    await field(page, '备份的数据库密码').fill('not the passphrase');
    await dialog.getByRole('button', { name: '恢复', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('无法用这个密码打开备份');
    expect(existsSync(join(host.dataDir, 'collectdesk.db'))).toBe(false);
    await shot(page, 'restore-first-run-dialog');

    await field(page, '备份的数据库密码').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: '恢复', exact: true }).click();
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('已从备份恢复，请登录。');
    expect(existsSync(join(host.dataDir, 'collectdesk.db'))).toBe(true);

    await signInZh(page, ADMIN.name, ADMIN.password);
    await expect(page.getByTestId('signed-in-role')).toHaveText('管理员');
    await openAdminTab(page, '用户');
    await expect(userRow(page, COLLECTOR.name)).toHaveCount(1);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
