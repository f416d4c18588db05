import type { Route } from '@playwright/test';
import { ADMIN, field, PASSPHRASE, signInZh } from './flows';
import { expect, screenshot, test } from './fixtures';
import { choose, dataRows, queueGrid, SEED_WORKBENCH, TEN_AM_SHANGHAI } from './workbench-flows';

const yuan = (text: string): number => Number(text.replace(/,/g, ''));

test.use({ hostEnv: { COLLECTDESK_NOW: TEN_AM_SHANGHAI }, prepareData: [...SEED_WORKBENCH, '--recalls'], timezoneId: 'Asia/Shanghai' });

test('the work queue: server-side sorting, filters and search, the keyboard, a row opens the case', async ({ page, host }) => {
  // A long walk through the screen: on a loaded machine it outlasts the default minute.
  test.setTimeout(150_000);
  await page.goto(host.url);
  await field(page, '数据库密码').fill(PASSPHRASE);
  await page.getByRole('button', { name: '解锁', exact: true }).click();
  await signInZh(page, ADMIN.name, ADMIN.password);

  // A lead sees the team's cases with their collector; the core pages them (50 a page of 200).
  const grid = queueGrid(page);
  await expect(page.getByText('第 1–50 条，共 200 条')).toBeVisible();
  await expect(dataRows(grid).first().locator('[data-field="assignedToName"]')).toHaveText('李娜');
  // Names are masked in the queue too.
  await expect(dataRows(grid).first().locator('[data-field="debtorName"]')).toHaveText(/^\p{Script=Han}\*+\p{Script=Han}?$/u);
  await screenshot(page, 'work-queue');

  // Sorting is the core's: ascending balance puts the smallest balance of all 200 first.
  const balanceHeader = grid.getByRole('columnheader', { name: '余额（元）' });
  await balanceHeader.click(); // descending
  await balanceHeader.click(); // ascending
  await expect(balanceHeader).toHaveAttribute('aria-sort', 'ascending');
  const balances = async () => Promise.all((await dataRows(grid).locator('[data-field="balanceFen"]').all()).slice(0, 3).map(async (c) => yuan(await c.innerText())));
  await expect.poll(async () => { const b = await balances(); return b[0]! <= b[1]! && b[1]! <= b[2]!; }).toBe(true);
  // The next page keeps the order, and stays: its first balance is not below the last of page 1.
  const lastOfFirst = yuan(await dataRows(grid).last().locator('[data-field="balanceFen"]').innerText());
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(page.getByText('第 51–100 条，共 200 条')).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.getByText('第 51–100 条，共 200 条')).toBeVisible();
  expect((await balances())[0]).toBeGreaterThanOrEqual(lastOfFirst);
  await page.getByRole('button', { name: '上一页' }).click();
  await expect(page.getByText('第 1–50 条，共 200 条')).toBeVisible();

  // Filters beside the grid: stage, then status.
  await choose(page, '阶段', 'M2');
  await expect.poll(async () => new Set(await dataRows(grid).locator('[data-field="stage"]').allInnerTexts())).toEqual(new Set(['M2']));
  await page.getByRole('button', { name: '清除筛选' }).click();
  await choose(page, '状态', '已退案');
  await expect(page.getByText('共 10 条')).toBeVisible();
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByText('共 200 条')).toBeVisible();

  // Search (`/`): by case number, by the debtor's mobile, by ID number.
  await page.keyboard.press('/');
  await page.keyboard.type('A261100000002');
  await expect(dataRows(grid)).toHaveCount(1);
  await expect(dataRows(grid).first()).toContainText('宋*');
  for (const q of ['13866711769', '500103198911262984']) {
    await page.getByRole('searchbox', { name: '搜索案件' }).fill(q);
    await expect(dataRows(grid)).toHaveCount(1);
    await expect(dataRows(grid).first()).toContainText('A261100000002');
  }

  // The keyboard: ↓ from the search box moves the highlight, J/K outside it, Enter opens.
  await page.getByRole('searchbox', { name: '搜索案件' }).fill('');
  await expect(page.getByText('共 200 条')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(dataRows(grid).nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  const third = dataRows(grid).nth(2);
  await expect(third).toHaveAttribute('aria-selected', 'true');
  const caseNo = (await third.locator('[data-field="caseNo"]').innerText()).trim();
  const nextNo = (await dataRows(grid).nth(3).locator('[data-field="caseNo"]').innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `案件 ${caseNo}` })).toBeVisible();

  // A deliberate (audited) look at the full name, then it is masked again on a second click.
  const name = page.getByTestId('debtor-name');
  const masked = (await name.innerText()).trim();
  await name.getByRole('button', { name: '查看完整姓名' }).click();
  await expect(name.locator('[data-unmasked="true"]')).not.toHaveText(masked);
  await name.getByRole('button', { name: '隐藏' }).click();
  await expect(name).toHaveText(masked);

  // Raising a flag asks first, then shows it on the case.
  await page.getByRole('button', { name: '标记', exact: true }).click();
  await page.getByRole('menuitem', { name: '弱势群体' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认标记' }).click();
  await expect(page.getByTestId('flag-vulnerable')).toBeVisible();

  // The next case of the queue page, without going back; back in the queue, it is the highlighted row.
  await page.getByRole('button', { name: '下一个案件' }).click();
  await expect(page.getByRole('heading', { name: `案件 ${nextNo}` })).toBeVisible();
  await page.getByRole('button', { name: '返回工作队列' }).click();
  await expect(dataRows(grid).nth(3)).toHaveAttribute('aria-selected', 'true');
  // J/K still move the row with the focus left on a column header or on a due chip.
  await grid.getByRole('columnheader', { name: '阶段' }).click();
  await page.keyboard.press('j');
  await expect(dataRows(grid).nth(4)).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: '全部案件' }).click();
  await page.keyboard.press('k');
  await expect(dataRows(grid).nth(3)).toHaveAttribute('aria-selected', 'true');

  // A recalled case stays visible but read-only: a banner says why, and there is nothing to call.
  await page.keyboard.press('/');
  await page.keyboard.type('A261100000191');
  await expect(dataRows(grid)).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('read-only')).toContainText('已被银行退案');
  await expect(page.getByRole('button', { name: /拨打/ })).toHaveCount(0);
  await screenshot(page, 'case-recalled');
});

test('a failed read says so with a retry — never an empty queue or a blank case — and the retry recovers', async ({ page, host }) => {
  await page.goto(host.url);
  await field(page, '数据库密码').fill(PASSPHRASE);
  await page.getByRole('button', { name: '解锁', exact: true }).click();
  await signInZh(page, ADMIN.name, ADMIN.password);
  const grid = queueGrid(page);
  await expect(dataRows(grid).first()).toBeVisible();
  const total = (await page.getByText(/^第 1–50 条，共 \d+ 条$/).innerText()).trim();

  // The host's reads fail with an internal error (as the host answers one; an aborted request would also be logged
  // by the browser as a console error, which this suite counts as the app's).
  const failing = (route: Route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'An unexpected error occurred.' } }) });
  await page.route('**/api/cases.list', failing);
  await page.getByRole('button', { name: '刷新' }).click();
  const error = page.getByTestId('load-error');
  await expect(error).toContainText('工作队列未能加载');
  await expect(grid).toContainText('案件未能加载（并非没有案件）');
  await expect(grid).not.toContainText('暂无');
  await screenshot(page, 'work-queue-load-error');
  await page.unroute('**/api/cases.list');
  await error.getByRole('button', { name: '重试' }).click();
  await expect(error).toHaveCount(0);
  await expect(page.getByText(total)).toBeVisible();

  // The case screen likewise.
  await page.route('**/api/case.get', failing);
  const caseNo = (await dataRows(grid).first().locator('[data-field="caseNo"]').innerText()).trim();
  await dataRows(grid).first().click();
  await expect(error).toContainText('案件未能加载');
  await page.unroute('**/api/case.get');
  await error.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('heading', { name: `案件 ${caseNo}` })).toBeVisible();
  await expect(error).toHaveCount(0);
});
