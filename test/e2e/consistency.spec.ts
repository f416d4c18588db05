import { ADMIN, completeFirstRun, field, signOutZh } from './flows';
import { dateField, shownDate, typeDate } from './dates';
import { expect, screenshot, test } from './fixtures';

test.describe('browser in en-US, app in Chinese', () => {
  test.use({ locale: 'en-US' });
  test('probe', async ({ page, host }) => {
    test.setTimeout(150_000);
    await page.goto(host.url);
    await completeFirstRun(page, { demo: true });
    await signOutZh(page);
    await field(page, '用户名').fill('lead');
    await field(page, '密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '仪表盘' }).click();
    await expect(page.getByRole('heading', { name: '仪表盘' })).toBeVisible();
    const html = await page.locator('main').evaluate((m) => {
      const inputs = [...m.querySelectorAll('.MuiPickersTextField-root')].map((e) => e.outerHTML);
      return inputs.join('\n\n');
    });
    console.log(html.slice(0, 6000));
    console.log(await page.getByLabel('开始日期').count(), await page.getByRole('group', { name: '开始日期' }).count());
    await typeDate(dateField(page, '开始日期'), '2026-11-24');
    console.log('value', await shownDate(dateField(page, '开始日期')).inputValue());
    await typeDate(dateField(page, '开始日期'), '2026-11-03');
    console.log('value', await shownDate(dateField(page, '开始日期')).inputValue());
    await page.getByRole('button', { name: /选择日期/ }).first().click();
    await screenshot(page, 'probe-picker-zh');
  });
});
