import { completeFirstRun, field, PASSPHRASE } from './flows';
import { expect, screenshot, test } from './fixtures';

test('after a restart the database is locked: a wrong passphrase is refused, the right one leads to sign-in', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page);

  const restarted = await host.restart();
  await page.goto(restarted.url);

  await expect(page.getByRole('heading', { name: '解锁数据库' })).toBeVisible();
  await expect(page.getByTestId('data-folder')).toHaveText(restarted.dataDir);

  await field(page, '数据库密码').fill('not the passphrase');
  await page.getByRole('button', { name: '解锁', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('数据库密码错误');
  await screenshot(page, 'unlock');

  await field(page, '数据库密码').fill(PASSPHRASE);
  await page.getByRole('button', { name: '解锁', exact: true }).click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
});

test('lock from the account menu closes the database until the passphrase is entered again', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page);
  await page.getByRole('button', { name: '账户菜单' }).click();
  await page.getByRole('menuitem', { name: /^锁定/ }).click();
  await expect(page.getByRole('heading', { name: '解锁数据库' })).toBeVisible();
  await field(page, '数据库密码').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
});
