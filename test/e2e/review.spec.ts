import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { field, PASSPHRASE, signInZh, signOutZh } from './flows';
import { RV_LEAD } from './seed-review';
import { choose, dataRows, queueGrid, signInCollector, TEN_AM_SHANGHAI } from './workbench-flows';

const SEED_REVIEW = ['test/e2e/seed-review.ts', PASSPHRASE];
const BORDERLINE = '客户问能否还到我们公司账户';

/** Unlocks and signs in as the team lead, in Chinese or (switching first) in English. */
async function signInLead(page: Page, url: string, language: 'zh-CN' | 'en'): Promise<void> {
  await page.goto(url);
  if (language === 'en') {
    await page.getByRole('button', { name: '界面语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
  }
  const zh = language === 'zh-CN';
  await field(page, zh ? '数据库密码' : 'Database passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: zh ? '解锁' : 'Unlock', exact: true }).click();
  await field(page, zh ? '用户名' : 'User name').fill(RV_LEAD.name);
  await field(page, zh ? '密码' : 'Password').fill(RV_LEAD.password);
  await page.getByRole('button', { name: zh ? '登录' : 'Sign in', exact: true }).click();
}

test.describe('the review queue (质检)', () => {
  test.use({ hostEnv: { COLLECTDESK_NOW: TEN_AM_SHANGHAI }, prepareData: SEED_REVIEW, timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });

  test('a collector’s borderline note, saved with a reason, is marked a violation by the lead with a comment', async ({ page, host }) => {
    test.setTimeout(180_000);
    await signInCollector(page, host.url);
    const first = dataRows(queueGrid(page)).first();
    await expect(first).toHaveAttribute('aria-selected', 'true');
    const caseNo = (await first.locator('[data-field="caseNo"]').innerText()).trim();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: `案件 ${caseNo}` })).toBeVisible();
    await page.getByRole('button', { name: '拨打本人的电话' }).first().click();
    await page.getByRole('region', { name: '拨号前检查' }).getByRole('button', { name: '开始通话' }).click();
    await choose(page, '结果', '拒绝还款');
    for (const rule of ['CN-ID', 'CN-R1', 'CN-RPC']) await page.getByRole('checkbox', { name: new RegExp(rule) }).check();

    // A prohibited phrase is marked while typing, named by its category, and holds the save.
    const notes = page.getByRole('textbox', { name: '备注' });
    const save = page.getByRole('button', { name: '保存', exact: true });
    await notes.pressSequentially('跟他说再不还就让他好看', { delay: 20 });
    const marked = page.getByTestId('notes-highlight').locator('mark');
    await expect(marked).toHaveText(['再不还就让他好看']);
    await expect(marked.first()).toHaveAttribute('data-kind', 'block');
    await expect(page.getByTestId('verdict-CN-P').getByTestId('finding')).toContainText('威胁恐吓');
    await expect(save).toBeDisabled();
    await screenshot(page, 'notes-highlight');

    // Rewritten to a borderline note: a warn (non-bank payment), marked amber; saving asks for the reason.
    await notes.fill(BORDERLINE);
    await expect(marked).toHaveText(['还到我们公司账户']);
    await expect(marked.first()).toHaveAttribute('data-kind', 'warn');
    await expect(page.getByTestId('verdict-CN-PAY')).toHaveAttribute('data-kind', 'warn');
    await expect(page.getByTestId('verdict-CN-PAY').getByTestId('finding')).toContainText('非银行还款渠道');
    await expect(save).toBeEnabled();
    await save.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('verdict-CN-PAY')).toBeVisible();
    await dialog.getByRole('textbox').fill('客户自己提问，已告知只能还到银行卡');
    await dialog.getByRole('button', { name: '填写原因并保存' }).click();
    await expect(page.getByText('催收结果已保存（提醒 CN-PAY 已记录原因）。')).toBeVisible();
    // A collector has no review screen.
    await expect(page.getByRole('navigation', { name: '主导航' }).getByText('质检')).toHaveCount(0);

    await signOutZh(page);
    await signInZh(page, RV_LEAD.name, RV_LEAD.password);
    await page.getByRole('navigation', { name: '主导航' }).getByText('质检').click();
    await expect(page.getByRole('heading', { name: '质检' })).toBeVisible();
    const grid = page.getByRole('grid', { name: '质检队列' });
    const row = dataRows(grid).filter({ hasText: caseNo });
    await expect(row).toHaveCount(1);
    await row.click();
    const detail = page.getByTestId('review-detail');
    await expect(detail.getByTestId('review-category')).toHaveText('非银行还款渠道');
    await expect(detail.getByTestId('review-note')).toHaveText(BORDERLINE);
    await expect(detail.getByTestId('review-note').locator('mark')).toHaveText('还到我们公司账户');
    await expect(detail.getByTestId('review-reason')).toHaveText('客户自己提问，已告知只能还到银行卡');
    await expect(detail).toContainText('李娜');
    await screenshot(page, 'review-zh');

    // A violation needs a comment.
    await detail.getByRole('button', { name: '记为违规' }).click();
    await expect(detail.getByText('请写明违规之处')).toBeVisible();
    await detail.getByRole('textbox', { name: '质检意见' }).fill('引导客户向公司账户还款，已约谈');
    await detail.getByRole('button', { name: '记为违规' }).click();
    await expect(page.getByText(`案件 ${caseNo}：已记为违规`)).toBeVisible();
    await expect(dataRows(grid).filter({ hasText: caseNo })).toHaveCount(0);

    // Decided items stay visible under their filter, with the decision.
    await page.getByRole('button', { name: /^违规/ }).click();
    const decided = dataRows(grid).filter({ hasText: caseNo });
    await expect(decided).toHaveCount(1);
    await decided.click();
    await expect(page.getByTestId('review-detail')).toContainText('引导客户向公司账户还款，已约谈');
    await expect(page.getByTestId('review-detail')).toContainText(RV_LEAD.displayName);
  });

  test('in English: the seeded queue, each category in words, and the case one click away', async ({ page, host }) => {
    test.setTimeout(120_000);
    await signInLead(page, host.url, 'en');
    await page.getByRole('navigation').getByText('Review', { exact: true }).click();
    const grid = page.getByRole('grid', { name: 'Review queue' });
    await expect(dataRows(grid)).toHaveCount(5);
    for (const words of ['Third-party disclosure', 'Non-bank payment', 'Insults', 'Impersonating officials', 'Threats']) {
      await expect(grid.getByText(words, { exact: true })).toBeVisible();
    }
    const threat = dataRows(grid).filter({ hasText: 'Threats' });
    await threat.click();
    const detail = page.getByTestId('review-detail');
    await expect(detail).toContainText('re-screen with a newer pack');
    await expect(detail.getByTestId('review-note').locator('mark')).toHaveText('再不还就让他好看');
    await dataRows(grid).first().click();
    await screenshot(page, 'review-en');
    await detail.getByRole('button', { name: 'Accept' }).click();
    await expect(dataRows(grid)).toHaveCount(4);
    const caseNo = (await dataRows(grid).first().locator('[data-field="caseNo"]').innerText()).trim();
    await dataRows(grid).first().click();
    await detail.getByRole('button', { name: `Open case ${caseNo}` }).click();
    await expect(page.getByRole('heading', { name: `Case ${caseNo}` })).toBeVisible();
  });
});
