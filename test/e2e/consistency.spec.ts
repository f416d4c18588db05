import type { Page } from '@playwright/test';
import { fixture } from '../helpers/fixtures';
import { ADMIN, completeFirstRun, field, signInZh, signOutZh } from './flows';
import { dateField, shownDate, shownDay, typeDate } from './dates';
import { expect, screenshot, test } from './fixtures';
import { dataRows, queueGrid } from './workbench-flows';

/** A calendar day in Shanghai (the demo clients' time zone), `days` from today. */
function shanghaiDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));
}

/**
 * Internal names in what a user reads: camelCase (idNumber, placedAmount) or snake_case (promise_to_pay) words in the
 * visible text of the screen and of any open dialog, menu or popup. The status bar (a folder path) is not read.
 */
async function internalNames(page: Page): Promise<string[]> {
  const text = await page.locator('main, [role="dialog"], [role="menu"], [role="listbox"], [role="tooltip"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText).join('\n'));
  return [...text.matchAll(/\b[a-z]+[A-Z][a-zA-Z]*\b|\b[a-z]+(?:_[a-z0-9]+)+\b/g)].map((m) => m[0]);
}

async function expectNoInternalNames(page: Page, where: string): Promise<void> {
  await expect.poll(() => internalNames(page), { message: `internal names on ${where}` }).toEqual([]);
}

async function signInAs(page: Page, user: string, language: 'zh' | 'en'): Promise<void> {
  if (language === 'en') {
    await page.getByRole('button', { name: '界面语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
  }
  await field(page, language === 'zh' ? '用户名' : 'User name').fill(user);
  await field(page, language === 'zh' ? '密码' : 'Password').fill(ADMIN.password);
  await page.getByRole('button', { name: language === 'zh' ? '登录' : 'Sign in', exact: true }).click();
}

test.describe('the browser in US English, the app in Chinese', () => {
  test.use({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });

  test('pickers write 2026/11/24; a drill-down row opens its case and back returns to the dashboard as it was; no internal names on the main screens', async ({ page, host }) => {
    test.setTimeout(400_000);
    await page.goto(host.url);
    await completeFirstRun(page, { demo: true });
    await signOutZh(page);
    await signInAs(page, 'lead', 'zh');
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('button', { name: '仪表盘' }).click();
    await expect(page.getByRole('heading', { name: '仪表盘' })).toBeVisible();

    // The period typed year/month/day, shown 2026/11/24 although the browser speaks en-US.
    const from = shanghaiDay(-14);
    const start = dateField(page, '开始日期');
    await typeDate(start, from);
    await expect(shownDate(start)).toHaveValue(shownDay(from));
    await expect(page.getByText(new RegExp(`^统计期间：${shownDay(from)} 至 \\d{4}/\\d{2}/\\d{2}$`))).toBeVisible();
    // Its calendar in Chinese: 2026年12月, weeks from Monday (一).
    await page.getByRole('button', { name: /^选择日期/ }).first().click();
    const calendar = page.getByRole('dialog');
    const [y, m] = from.split('-');
    await expect(calendar.getByText(`${y}年${Number(m)}月`)).toBeVisible();
    await expect(calendar.getByRole('columnheader').first()).toHaveText('一');
    await screenshot(page, 'date-picker-zh');
    await page.keyboard.press('Escape');
    await expect(calendar).toBeHidden();

    // Drill-down → the case → back: the dashboard with its period and its open list, as it was left.
    await expectNoInternalNames(page, 'the dashboard');
    await page.getByRole('button', { name: /^回款金额 / }).click();
    const drill = page.getByRole('dialog', { name: '案件明细：回款金额' });
    const row = drill.getByRole('row').nth(1);
    await expect(row).toContainText(/^D[AB]\d{9}/);
    await expectNoInternalNames(page, 'the drill-down');
    const caseNo = (await row.getByRole('cell').first().innerText()).trim();
    await row.getByRole('button', { name: `打开案件 ${caseNo}` }).click();
    await expect(page.getByRole('heading', { name: `案件 ${caseNo}` })).toBeVisible();
    await expect(drill).toBeHidden();
    await expectNoInternalNames(page, 'the case');
    await page.getByRole('button', { name: '返回仪表盘' }).click();
    await expect(drill).toBeVisible();
    await expect(drill.getByRole('row').nth(1)).toContainText(caseNo);
    await drill.getByRole('button', { name: '关闭' }).click();
    await expect(page.getByRole('heading', { name: '仪表盘' })).toBeVisible();
    await expect(shownDate(dateField(page, '开始日期'))).toHaveValue(shownDay(from));

    // From the queue, back says so.
    await nav.getByRole('button', { name: '工作队列' }).click();
    await expect(page.getByRole('heading', { name: '工作队列' })).toBeVisible();
    await expect(dataRows(queueGrid(page)).first()).toBeVisible();
    await expectNoInternalNames(page, 'the queue');
    await dataRows(queueGrid(page)).first().click();
    await expect(page.getByRole('button', { name: '返回工作队列' })).toBeVisible();
    await page.getByRole('button', { name: '返回工作队列' }).click();

    // The lead's other screens.
    for (const screen of ['分案', '审批', '质检', '回盘与同步']) {
      await nav.getByRole('button', { name: screen, exact: true }).click();
      await expect(page.getByRole('heading', { name: screen, exact: true })).toBeVisible();
      await expect(page.locator('main .MuiSkeleton-root, main [role="progressbar"]')).toHaveCount(0, { timeout: 30_000 });
      await expectNoInternalNames(page, screen);
      if (screen === '审批') {
        // a plan's case, and back to the approvals
        await page.getByRole('button', { name: /^全部/ }).click();
        const open = page.getByRole('button', { name: /^打开案件 / }).first();
        const planCase = ((await open.getAttribute('aria-label')) ?? '').replace('打开案件 ', '');
        await open.click();
        await expect(page.getByRole('heading', { name: `案件 ${planCase}` })).toBeVisible();
        await page.getByRole('button', { name: '返回审批' }).click();
        await expect(page.getByRole('heading', { name: '审批', exact: true })).toBeVisible();
        await expect(page.getByRole('button', { name: /^全部/ })).toHaveAttribute('aria-pressed', 'true');
      }
    }

    // An import preview with bad rows: fields and reasons in words.
    await nav.getByRole('button', { name: '导入', exact: true }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('region', { name: '导入文件' }).getByRole('button', { name: '选择文件…' }).click();
    await (await chooser).setFiles(fixture('bad', 'mixed-rows.csv'));
    await expect(page.getByText(/^\d+ 行有问题/)).toBeVisible();
    await expect(page.getByRole('table', { name: '导入预览' })).toContainText('证件号码：校验位错误（GB 11643）');
    await expectNoInternalNames(page, 'the import preview');

    // Admin: users and the audit log.
    await signOutZh(page);
    await signInZh(page, ADMIN.name, ADMIN.password);
    await nav.getByRole('button', { name: '管理' }).click();
    await expect(page.getByRole('tab', { name: '用户' })).toBeVisible();
    await expectNoInternalNames(page, 'admin users');
    await page.getByRole('tab', { name: '审计' }).click();
    await expect(page.getByRole('table', { name: '审计记录' })).toBeVisible();
    await expectNoInternalNames(page, 'the audit log');
  });
});

test.describe('the browser in Chinese, the app in English', () => {
  test.use({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

  test('pickers write 24 Nov 2026, and their calendar speaks English', async ({ page, host }) => {
    test.setTimeout(200_000);
    await page.goto(host.url);
    await completeFirstRun(page, { demo: true });
    await signOutZh(page);
    await signInAs(page, 'lead', 'en');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    const from = shanghaiDay(-14);
    const start = dateField(page, 'From');
    await typeDate(start, from, 'en');
    await expect(shownDate(start)).toHaveValue(shownDay(from, 'en'));
    await expect(shownDate(start)).toHaveValue(/^\d{2} [A-Z][a-z]{2} \d{4}$/);
    await page.getByRole('button', { name: /^Choose date/ }).first().click();
    const calendar = page.getByRole('dialog');
    const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${from}T00:00:00Z`));
    await expect(calendar.getByText(month)).toBeVisible();
    await expect(calendar.getByRole('columnheader').first()).toHaveAccessibleName(/Sunday|^S/);
    await screenshot(page, 'date-picker-en');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Recovered / }).click();
    const drill = page.getByRole('dialog', { name: /^Cases: / });
    const row = drill.getByRole('row').nth(1);
    const caseNo = (await row.getByRole('cell').first().innerText()).trim();
    await row.getByRole('button', { name: new RegExp(caseNo) }).click();
    await page.getByRole('button', { name: 'Back to Dashboard' }).click();
    await expect(drill).toBeVisible();
  });
});
