import { ADMIN, completeFirstRun, field, signInZh, signOutZh } from './flows';
import { expect, screenshot, test } from './fixtures';

test('first run, sign out, wrong password, sign in — in Chinese', async ({ page, host }) => {
  await page.goto(host.url);
  // The token leaves the address bar at once.
  await expect(page).not.toHaveURL(/token=/);

  await expect(page.getByText('数据库密码无法找回')).toBeVisible();
  await screenshot(page, 'first-run');

  // Field-level validation before anything is sent.
  await page.getByRole('button', { name: '创建数据库' }).click();
  await expect(page.getByText('请填写此项').first()).toBeVisible();
  await field(page, '数据库密码').fill('short');
  await field(page, '确认数据库密码').fill('different');
  await expect(page.getByText('至少需要 8 个字符')).toBeVisible();
  await expect(page.getByText('两次输入不一致')).toBeVisible();
  await screenshot(page, 'first-run-validation');

  await completeFirstRun(page);
  await expect(page.getByTestId('signed-in-user')).toHaveText(ADMIN.displayName);
  await expect(page.getByTestId('signed-in-role')).toHaveText('管理员');
  await expect(page.getByRole('heading', { name: '工作队列' })).toBeVisible();
  await expect(page.getByText('还没有导入任何案件')).toBeVisible();
  await screenshot(page, 'shell-work-queue');

  await signOutZh(page);
  await screenshot(page, 'sign-in');

  await signInZh(page, ADMIN.name, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');

  await signInZh(page, ADMIN.name, ADMIN.password);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByRole('button', { name: '管理' })).toBeVisible();
});

test('the sign-in screen switches to English and speaks English', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page);
  await signOutZh(page);

  await page.getByRole('button', { name: '界面语言' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();

  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Use the account your admin created for you.')).toBeVisible();
  await field(page, 'User name').fill(ADMIN.name);
  await field(page, 'Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong user name or password');
  await screenshot(page, 'sign-in-en');

  // The choice is saved: a reload still speaks English.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await field(page, 'User name').fill(ADMIN.name);
  await field(page, 'Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav).toBeVisible();
  for (const item of ['Work queue', 'Case', 'Import', 'Assignment', 'Dashboard', 'Returns & sync', 'Admin']) {
    await expect(nav.getByRole('button', { name: item, exact: true })).toBeVisible();
  }
  await expect(page.getByText('No cases have been imported yet')).toBeVisible();
  await expect(page.getByTestId('signed-in-role')).toHaveText('Admin');

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Dark theme' }).click();
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(18, 21, 24)');
  await screenshot(page, 'shell-dark-en');
});

test('five wrong passwords lock the account, and the message says until when', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page);
  await signOutZh(page);
  for (let i = 0; i < 4; i++) {
    await signInZh(page, ADMIN.name, `wrong-${i}-password`);
    await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');
  }
  await signInZh(page, ADMIN.name, 'wrong-4-password');
  await expect(page.getByRole('alert')).toContainText('此账户已被锁定');
  await expect(page.getByRole('alert')).toHaveText(/请在 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 之后再试/);
  // Even the right password is refused while the lock lasts.
  await signInZh(page, ADMIN.name, ADMIN.password);
  await expect(page.getByRole('alert')).toContainText('此账户已被锁定');
});

test('a second browser opening the printed URL sees the sign-in screen; signing out there leaves the first signed in', async ({ page, host, browser }) => {
  await page.goto(host.url);
  await completeFirstRun(page);

  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await second.goto(host.url);
    await expect(second.getByRole('heading', { name: '登录' })).toBeVisible();
    await expect(second.getByRole('navigation', { name: '主导航' })).toBeHidden();

    await signInZh(second, ADMIN.name, ADMIN.password);
    await expect(second.getByRole('navigation', { name: '主导航' })).toBeVisible();
    await signOutZh(second);
  } finally {
    await other.close();
  }

  await page.reload();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveText(ADMIN.displayName);
  // The session is a cookie script cannot read, sent to this host only from its own pages.
  const cookies = await page.context().cookies();
  expect(cookies).toEqual([expect.objectContaining({ name: expect.stringMatching(/^collectdesk_session_\d+$/), httpOnly: true, sameSite: 'Strict', path: '/' })]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
});
