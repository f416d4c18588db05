import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { dateField, typeDate } from './dates';
import { choose, dataRows, FAKE_TODAY, HALF_TEN_PM_SHANGHAI, queueGrid, SEED_WORKBENCH, signInCollector, TEN_AM_SHANGHAI } from './workbench-flows';

/** The words of one language, so that the same flow runs in Chinese and in English. */
const WORDS = {
  'zh-CN': {
    total: '共 200 条',
    promisesToday: /今日到期承诺/,
    callDebtor: '拨打本人的电话',
    gate: '拨号前检查',
    start: '开始通话',
    result: '结果',
    ptp: '承诺还款',
    amount: '承诺金额',
    date: '承诺日期',
    notes: '备注',
    save: '保存',
    saved: '催收结果已保存。',
    refused: '未保存：不符合合规规则',
    timeline: /^催记/,
    promises: /^承诺与计划/,
    back: '返回工作队列',
    overBalance: /不能超过余额/,
    goodNote: '本人承诺今天通过银行官方渠道还款',
    caseTitle: (no: string) => `案件 ${no}`,
  },
  en: {
    total: 'of 200',
    promisesToday: /Promises due today/,
    callDebtor: 'Call Debtor',
    gate: 'Pre-dial check',
    start: 'Start call',
    result: 'Result',
    ptp: 'Promise to pay',
    amount: 'Promised amount',
    date: 'Promise date',
    notes: 'Notes',
    save: 'Save',
    saved: 'Outcome saved.',
    refused: 'Not saved: refused by the compliance rules',
    timeline: /^Timeline/,
    promises: /^Promises & plans/,
    back: 'Back to work queue',
    overBalance: /At most the balance/,
    goodNote: 'Debtor promised to pay today through the bank’s official channel.',
    caseTitle: (no: string) => `Case ${no}`,
  },
} as const;

type Language = keyof typeof WORDS;

/** Queue → first case → gate → confirmations → PTP due today → saved → timeline, promise, and the queue's filter. */
async function promiseFlow(page: Page, url: string, language: Language): Promise<void> {
  const shot = (name: string) => screenshot(page, language === 'zh-CN' ? `workbench-${name}` : `workbench-${name}-en`);
  const w = WORDS[language];
  await signInCollector(page, url, language);

  // The queue: the collector's 200 cases, none with a promise due yet; the first row is highlighted.
  const grid = queueGrid(page, language);
  await expect(page.getByText(w.total, { exact: false })).toBeVisible();
  await expect(page.getByTestId('due-promises_today')).toContainText('0');
  const first = dataRows(grid).first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  const caseNo = (await first.locator('[data-field="caseNo"]').innerText()).trim();
  await shot('queue');

  // Enter opens the highlighted case.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: w.caseTitle(caseNo) })).toBeVisible();

  // The pre-dial gate for the debtor's own phone: the three disclosures to confirm, nothing blocks at 10:00.
  await page.getByRole('button', { name: w.callDebtor }).first().click();
  const gate = page.getByRole('region', { name: w.gate });
  for (const rule of ['CN-ID', 'CN-RPC', 'CN-R1']) await expect(gate.getByTestId(`verdict-${rule}`)).toHaveAttribute('data-kind', 'require');
  await expect(gate.locator('[data-kind="block"]')).toHaveCount(0);
  await shot('gate');
  await gate.getByRole('button', { name: w.start }).click();
  await expect(page.getByTestId('active-call')).toBeVisible();

  // A PTP without the disclosures ticked: refused, every unmet require named.
  await choose(page, w.result, w.ptp);
  await page.getByRole('textbox', { name: w.amount }).fill('999999999');
  await typeDate(dateField(page, w.date), FAKE_TODAY, language === 'zh-CN' ? 'zh' : 'en');
  await page.getByRole('button', { name: w.save, exact: true }).click();
  await expect(page.getByText(w.overBalance)).toBeVisible();
  await page.getByRole('textbox', { name: w.amount }).fill('1,000');
  await page.getByRole('button', { name: w.save, exact: true }).click();
  const refusal = page.getByTestId('refusal');
  await expect(refusal).toContainText(w.refused);
  for (const rule of ['CN-ID', 'CN-RPC', 'CN-R1']) await expect(refusal.getByTestId(`verdict-${rule}`)).toBeVisible();
  await shot('refusal');

  // The script's require steps are the confirmations.
  for (const rule of ['CN-ID', 'CN-R1', 'CN-RPC']) await page.getByRole('checkbox', { name: new RegExp(rule) }).check();

  // A threatening note is caught while typing and holds the save until rewritten.
  const notes = page.getByRole('textbox', { name: w.notes });
  await notes.fill('再不还钱就上门闹事');
  await expect(page.getByTestId('verdict-CN-P')).toBeVisible();
  await expect(page.getByRole('button', { name: w.save, exact: true })).toBeDisabled();
  await shot('case-script');
  await notes.fill(w.goodNote);
  await expect(page.getByTestId('verdict-CN-P')).toBeHidden();
  await expect(page.getByRole('button', { name: w.save, exact: true })).toBeEnabled();
  await page.getByRole('button', { name: w.save, exact: true }).click();
  await expect(page.getByText(w.saved)).toBeVisible();

  // The case is read again: the new activity in the timeline, the promise under its tab.
  await expect(page.getByRole('tab', { name: w.timeline })).toHaveAttribute('aria-selected', 'true');
  const activity = page.getByTestId('timeline-row').first();
  await expect(activity).toContainText(w.ptp);
  await expect(activity).toContainText(w.goodNote);
  await page.getByRole('tab', { name: w.promises }).click();
  await expect(page.getByTestId('promise-row')).toContainText('1,000.00');

  // Back in the queue: one promise due today, and the filter finds the case.
  await page.getByRole('button', { name: w.back }).click();
  await expect(page.getByTestId('due-promises_today')).toContainText('1');
  await page.getByRole('button', { name: w.promisesToday }).click();
  await expect(dataRows(grid)).toHaveCount(1);
  await expect(dataRows(grid).first()).toContainText(caseNo);
  await expect(dataRows(grid).first().locator('[data-field="promiseDueDate"]')).toContainText('1,000.00');
}

test.describe('at 10:00 in Shanghai', () => {
  test.use({ hostEnv: { COLLECTDESK_NOW: TEN_AM_SHANGHAI }, prepareData: SEED_WORKBENCH, timezoneId: 'Asia/Shanghai' });

  test('a collector records a promise to pay through the gate and the script (Chinese)', async ({ page, host }) => {
    await promiseFlow(page, host.url, 'zh-CN');
  });

  test('the same in English', async ({ page, host }) => {
    await promiseFlow(page, host.url, 'en');
    await screenshot(page, 'workbench-queue-filtered-en');
  });

  test('a relative reached first: amounts hidden, no promise, and the CN-3P warn needs a reason', async ({ page, host }) => {
    await signInCollector(page, host.url);
    await expect(dataRows(queueGrid(page)).first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^拨打(配偶|父母|子女|兄弟姐妹)的电话$/ }).first().click();
    const gate = page.getByRole('region', { name: '拨号前检查' });
    await expect(gate.getByTestId('verdict-CN-3P')).toHaveAttribute('data-kind', 'warn');
    await gate.getByRole('button', { name: '开始通话' }).click();

    // Related-party mode: the header and the script keep amounts and debt details back; no promise can be chosen.
    await expect(page.getByTestId('fact-balance').getByTestId('amount-hidden')).toBeVisible();
    await expect(page.getByTestId('fact-last-payment').getByTestId('amount-hidden')).toBeVisible();
    await expect(page.getByRole('button', { name: '关联人', pressed: true })).toBeVisible();
    await page.getByRole('combobox', { name: '结果' }).click();
    await expect(page.getByRole('option', { name: '承诺还款' })).toBeDisabled();
    await page.getByRole('option', { name: '已留言转告' }).click();
    await expect(page.getByRole('checkbox')).toHaveCount(2);
    for (const rule of ['CN-ID', 'CN-R1']) await page.getByRole('checkbox', { name: new RegExp(rule) }).check();
    await page.getByRole('textbox', { name: '备注' }).fill('请家属转告本人尽快回电');
    await page.getByRole('button', { name: '保存', exact: true }).click();

    // The warn is overridden only with a reason, which is recorded with the activity.
    const dialog = page.getByRole('dialog', { name: '需要说明原因' });
    await expect(dialog.getByTestId('verdict-CN-3P')).toBeVisible();
    await screenshot(page, 'workbench-warn-reason');
    await dialog.getByRole('textbox', { name: '原因' }).fill('本人手机关机，先联系配偶转告');
    await dialog.getByRole('button', { name: '填写原因并保存' }).click();
    await expect(page.getByText('催收结果已保存（提醒 CN-3P 已记录原因）。')).toBeVisible();
    const activity = page.getByTestId('timeline-row').first();
    await expect(activity).toContainText('已留言转告');
    await expect(activity).toContainText('本人手机关机，先联系配偶转告');
    await expect(page.getByTestId('fact-balance')).not.toContainText('已隐藏');
  });
});

test.describe('at 22:30 in Shanghai', () => {
  test.use({ hostEnv: { COLLECTDESK_NOW: HALF_TEN_PM_SHANGHAI }, prepareData: SEED_WORKBENCH, timezoneId: 'Asia/Shanghai' });

  test('the pre-dial gate blocks calling hours (CN-T1) and says when calls are allowed again', async ({ page, host }) => {
    await signInCollector(page, host.url);
    await expect(dataRows(queueGrid(page)).first()).toHaveAttribute('aria-selected', 'true');
    // The queue says the calling window is closed in the debtor's zone before anyone dials.
    await expect(dataRows(queueGrid(page)).first().getByTestId('window-closed')).toHaveText('非拨打时段');
    await page.keyboard.press('j');
    await expect(dataRows(queueGrid(page)).nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '拨打本人的电话' }).first().click();
    const gate = page.getByRole('region', { name: '拨号前检查' });
    const block = gate.getByTestId('verdict-CN-T1');
    await expect(block).toHaveAttribute('data-kind', 'block');
    await expect(block.getByTestId('next-allowed')).toHaveText('下次可联系：2026/11/25 08:00');
    await expect(gate.getByTestId('gate-blocked')).toContainText('CN-T1');
    await expect(gate.getByTestId('gate-headline')).toHaveText('现在是债务人当地时间22:30，22:00–08:00不得致电；08:00后可拨打。');
    await expect(gate.getByRole('button', { name: '开始通话' })).toBeDisabled();
    await screenshot(page, 'workbench-gate-block');
  });
});
