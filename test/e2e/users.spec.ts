import { addUserZh, ADMIN, completeFirstRun, signInZh, signOutZh } from './flows';
import { expect, screenshot, test } from './fixtures';

const COLLECTOR = { name: 'lizhen', displayName: '李珍', password: 'Collector-1' };

test('admin adds a collector, who signs in and does not see Admin', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page);
  const nav = page.getByRole('navigation', { name: '主导航' });

  await nav.getByRole('button', { name: '管理' }).click();
  await expect(page.getByRole('heading', { name: '管理' })).toBeVisible();
  await addUserZh(page, COLLECTOR, '催收员', () => screenshot(page, 'dialog-add-user'));

  const row = page.getByRole('row').filter({ hasText: COLLECTOR.name });
  await expect(row).toContainText(COLLECTOR.displayName);
  await expect(row).toContainText('催收员');
  await expect(row).toContainText('正常');
  await screenshot(page, 'admin-users');

  await page.getByRole('tab', { name: '审计' }).click();
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByText('审计链完整')).toBeVisible();

  await signOutZh(page);
  await signInZh(page, COLLECTOR.name, COLLECTOR.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(COLLECTOR.displayName);
  await expect(page.getByTestId('signed-in-role')).toHaveText('催收员');
  await expect(nav.getByRole('button', { name: '工作队列' })).toBeVisible();
  for (const hidden of ['管理', '导入', '分案', '仪表盘', '回盘与同步']) {
    await expect(nav.getByRole('button', { name: hidden })).toHaveCount(0);
  }
  await expect(page.getByText('组长导入银行的委案批次并把案件分配给你之后，它们会出现在这里。')).toBeVisible();
});

test('keyboard: ? opens the shortcuts help, / focuses the case search', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page);
  await page.getByRole('heading', { name: '工作队列' }).click();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('搜索案件');
  // Keys pressed together are joined by +, keys that do the same by /.
  await expect(help.getByRole('row').filter({ hasText: '1…7' })).toContainText('Alt + 1…7');
  await expect(help.getByRole('row').filter({ hasText: 'J' })).toContainText('↑ / ↓ / J / K');
  await screenshot(page, 'shortcuts-help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: '导入', exact: true })).toBeVisible();
  await expect(page.getByText('还没有登记任何委托方')).toBeVisible();
  await screenshot(page, 'import-no-clients');

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: '搜索案件' })).toBeFocused();
  await page.keyboard.type('A0001');
  await expect(page.getByText('没有与“A0001”匹配的案件')).toBeVisible();
});

test('change own password; reset and disable another user', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page);

  await page.getByRole('button', { name: '账户菜单' }).click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  const change = page.getByRole('dialog', { name: '修改密码' });
  await change.getByRole('textbox', { name: '当前密码', exact: true }).fill('not-my-password');
  await change.getByRole('textbox', { name: '新密码', exact: true }).fill('New-admin-pass-2');
  await change.getByRole('textbox', { name: '确认密码', exact: true }).fill('New-admin-pass-2');
  await change.getByRole('button', { name: '保存' }).click();
  await expect(change.getByRole('alert')).toHaveText('当前密码不正确。');
  await screenshot(page, 'dialog-change-password');
  await change.getByRole('textbox', { name: '当前密码', exact: true }).fill(ADMIN.password);
  await change.getByRole('button', { name: '保存' }).click();
  await expect(change).toBeHidden();
  await expect(page.getByText('密码已修改')).toBeVisible();

  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '管理' }).click();
  await addUserZh(page, { name: 'zhaolei', displayName: '赵磊', password: 'Lead-pass-1' }, '组长');
  await expect(page.getByRole('row').filter({ hasText: 'zhaolei' })).toContainText('组长');

  await page.getByRole('button', { name: '重置 zhaolei 的密码' }).click();
  const reset = page.getByRole('dialog', { name: '重置 赵磊 的密码' });
  await reset.getByRole('textbox', { name: '新密码', exact: true }).fill('Lead-pass-2');
  await screenshot(page, 'dialog-reset-password');
  await reset.getByRole('textbox', { name: '确认密码', exact: true }).fill('Lead-pass-2');
  await reset.getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByText('已重置 赵磊 的密码')).toBeVisible();

  // display name, role and staff number (工号) are edited in one dialog
  await page.getByRole('button', { name: '编辑 zhaolei' }).click();
  const edit = page.getByRole('dialog', { name: '编辑用户 zhaolei' });
  await edit.getByRole('textbox', { name: '工号' }).fill('CS 01');
  await expect(edit).toContainText('工号只能包含字母、数字和连字符。');
  await edit.getByRole('textbox', { name: '工号' }).fill('CS-0107');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'zhaolei' })).toContainText('CS-0107');

  // disabling asks first
  await page.getByRole('button', { name: '停用 zhaolei' }).click();
  const disable = page.getByRole('dialog', { name: '停用 赵磊？' });
  await expect(disable).toContainText('历史记录全部保留');
  await disable.getByRole('button', { name: '确认停用' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'zhaolei' })).toContainText('已停用');

  await signOutZh(page);
  await signInZh(page, 'zhaolei', 'Lead-pass-2');
  await expect(page.getByRole('alert')).toHaveText('此账户已停用。如需继续使用，请联系管理员。');
  await signInZh(page, ADMIN.name, 'New-admin-pass-2');
  await expect(page.getByTestId('signed-in-role')).toHaveText('管理员');
});
