import { readFileSync } from 'node:fs';
import { ADMIN, completeFirstRun, signInZh, signOutZh } from './flows';
import { expect, screenshot, test } from './fixtures';

test('admin reads the audit log, makes a backup and purges expired personal data', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page);
  await signOutZh(page);
  await signInZh(page, ADMIN.name, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');
  await signInZh(page, ADMIN.name, ADMIN.password);
  await expect(page.getByTestId('signed-in-role')).toHaveText('管理员');

  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '管理' }).click();
  await page.getByRole('tab', { name: '审计' }).click();
  const log = page.getByRole('table', { name: '审计记录' });
  const failed = log.locator('tr[data-action="auth.sign_in_failed"]');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('登录失败');
  await expect(failed).toContainText('wrong_password');
  await expect(log.locator('tr[data-action="auth.sign_in"]').first()).toContainText(ADMIN.displayName);
  await expect(log.locator('tr[data-action="auth.sign_out"]')).toHaveCount(1);
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByText('审计链完整')).toBeVisible();
  await screenshot(page, 'admin-audit');
  // the log exports in words: users by name, actions named, details readable (the raw record in its own column)
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain(`,${ADMIN.displayName},`);
  expect(csv).toContain('登录失败');

  await page.getByRole('combobox', { name: '操作' }).click();
  await page.getByRole('option', { name: '登录失败' }).click();
  await expect(log.locator('tbody tr')).toHaveCount(1);
  await expect(log.locator('tbody tr')).toHaveAttribute('data-action', 'auth.sign_in_failed');
  await expect(page.getByText('共 1 条', { exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: '操作' }).click();
  await page.getByRole('option', { name: '创建备份' }).click();
  await expect(page.getByText('没有符合条件的审计记录')).toBeVisible();
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(failed).toHaveCount(1);

  await page.getByRole('tab', { name: '数据' }).click();
  await expect(page.getByText('还没有备份')).toBeVisible();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('备份完成')).toBeVisible();
  await expect(page.getByTestId('backup-file')).toContainText(/backups[\\/]collectdesk-\d{4}-\d{2}-\d{2}-\d{4}\.cdbackup$/);
  await expect(page.getByTestId('backup-sha256')).toHaveText(/^[0-9a-f]{64}$/);
  const backups = page.getByRole('table', { name: '已有备份' });
  await expect(backups.locator('tbody tr')).toHaveCount(1);
  await expect(backups.locator('tbody tr')).toContainText('.cdbackup');

  await page.getByRole('button', { name: '清理过期个人信息' }).click();
  const confirm = page.getByRole('dialog', { name: '清理过期个人信息？' });
  await expect(confirm).toContainText('无法撤销');
  // The preview comes first: nothing is due, so there is nothing to confirm.
  await expect(confirm.getByText('没有到期需要清理的个人信息。')).toBeVisible();
  await expect(confirm.getByRole('button', { name: '永久删除 0 个案件' })).toBeDisabled();
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(confirm).toBeHidden();
  await screenshot(page, 'admin-data');

  await page.getByRole('tab', { name: '审计' }).click();
  await expect(log.locator('tr[data-action="backup.create"]')).toHaveCount(1);
});
