import { ADMIN, completeFirstRun, field, PASSPHRASE, signInZh } from './flows';
import { expect, runScript, screenshot, test } from './fixtures';

test('the work queue lists cases, search narrows them, a row opens the case', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page);
  const restarted = await host.restart(() => runScript('test/e2e/seed-queue.ts', [host.dataDir, PASSPHRASE]));
  await page.goto(restarted.url);
  await field(page, '数据库密码').fill(PASSPHRASE);
  await page.getByRole('button', { name: '解锁', exact: true }).click();
  await signInZh(page, ADMIN.name, ADMIN.password);

  const table = page.getByRole('table', { name: '案件列表' });
  await expect(table.getByRole('row')).toHaveCount(9); // header + 8 cases
  // Largest balance first, money in yuan with two decimals, status in Chinese.
  const first = table.getByRole('row').nth(1);
  await expect(first).toContainText('XY2026110006');
  await expect(first).toContainText('154,300.00');
  await expect(first).toContainText('诉讼');
  await expect(table).toContainText('王经理');
  await expect(page.getByText('第 1–8 条，共 8 条')).toBeVisible();
  await screenshot(page, 'work-queue');

  await page.keyboard.press('/');
  await page.keyboard.type('XY2026110002');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('刘洋');
  await expect(table).toContainText('承诺还款');

  await table.getByRole('row').nth(1).click();
  await expect(page.getByRole('heading', { name: '案件 XY2026110002' })).toBeVisible();
  await expect(page.getByText('案件详情页尚在开发中')).toBeVisible();
  await screenshot(page, 'case-placeholder');
});
