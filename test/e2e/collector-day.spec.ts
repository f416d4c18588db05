import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { dateFieldByTestId, typeDate } from './dates';
import { field, PASSPHRASE } from './flows';
import { expect, screenshot, SCREENSHOTS, test } from './fixtures';
import { dataRows, queueGrid, SEED_WORKBENCH, signInCollector, TEN_AM_SHANGHAI, WB_COLLECTOR } from './workbench-flows';

/**
 * A collector's day at the agency PC's 1366×768, in Chinese and in English: the queue and the case by keyboard alone
 * (open, gate, result by its number key, note, save-and-next), the next action each result sets, and an unsaved
 * outcome that survives the idle lock. Screenshots (queue, the case in its gate and outcome phases, the case at
 * 1920×1080) go to docs/screenshots with UPDATE_SCREENSHOTS=1.
 */
const WORDS = {
  'zh-CN': {
    callDebtor: '拨打本人的电话',
    start: '开始通话',
    result: '结果',
    noAnswer: '无人接听',
    callback: '约定回电',
    refused: '拒绝还款',
    notes: '备注',
    note: '本人未接，稍后再拨',
    callbackNote: '本人要求明天上午回电',
    callbackTime: '约定回电须填写回电时间',
    caseTitle: (no: string) => `案件 ${no}`,
    back: '返回工作队列',
    saveNext: '保存并下一个',
    warning: '1 分钟后将锁定 — 移动鼠标或按任意键继续',
    lockedWhy: '因 15 分钟无操作已锁定',
    passphrase: '数据库密码',
    unlock: '解锁',
    user: '用户名',
    password: '密码',
    signIn: '登录',
    menu: '账户菜单',
    adminOnly: '由管理员为本机统一设置',
    restored: '已恢复此前未保存的通话结果',
    wrapNext: '下次跟进：2026/11/25 10:30',
    proposed: '2026/11/24 12:00',
    agreed: '2026/11/25 10:30',
  },
  en: {
    callDebtor: 'Call Debtor',
    start: 'Start call',
    result: 'Result',
    noAnswer: 'No answer',
    callback: 'Call back',
    refused: 'Refused to pay',
    notes: 'Notes',
    note: 'No answer, try again later',
    callbackNote: 'Debtor asked to be called tomorrow morning',
    callbackTime: 'A callback needs its time',
    caseTitle: (no: string) => `Case ${no}`,
    back: 'Back to work queue',
    saveNext: 'Save and next',
    warning: 'Locking in 1 minute — move the mouse or press any key to stay',
    lockedWhy: 'Locked after 15 minutes without activity',
    passphrase: 'Database passphrase',
    unlock: 'Unlock',
    user: 'User name',
    password: 'Password',
    signIn: 'Sign in',
    menu: 'Account menu',
    adminOnly: 'Set for this workstation by an admin',
    restored: 'Your unsaved outcome on this case is back',
    wrapNext: /Next follow-up: .*25.*2026.*10:30/,
    proposed: '24 Nov 2026, 12:00',
    agreed: '25 Nov 2026, 10:30',
  },
} as const;

type Language = keyof typeof WORDS;
const tag = (language: Language) => (language === 'zh-CN' ? 'zh' : 'en');

/** Waits for the case screen of `caseNo`, its data read (the contacts' call buttons are there). */
async function caseOpen(page: Page, language: Language, caseNo: string): Promise<void> {
  const w = WORDS[language];
  await expect(page.getByRole('heading', { name: w.caseTitle(caseNo) })).toBeVisible();
  await expect(page.getByRole('button', { name: w.callDebtor }).first()).toBeVisible();
}

/** Nothing of the page scrolls: the case screen fits the window (only its own lists scroll, each once). */
async function expectNoPageScroll(page: Page): Promise<void> {
  const main = page.locator('main');
  const overflow = await main.evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(overflow, 'the main area scrolls').toBeLessThanOrEqual(1);
}

test.describe('a collector’s day at 1366×768', () => {
  test.use({ hostEnv: { COLLECTDESK_NOW: TEN_AM_SHANGHAI }, prepareData: SEED_WORKBENCH, timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });

  for (const language of ['zh-CN', 'en'] as const) {
    test(`save and next by keyboard alone (${language})`, async ({ page, host }) => {
      test.setTimeout(120_000);
      mkdirSync(SCREENSHOTS, { recursive: true });
      const w = WORDS[language];
      await page.clock.install({ time: new Date(TEN_AM_SHANGHAI) });
      await signInCollector(page, host.url, language);

      const grid = queueGrid(page, language);
      const rows = dataRows(grid);
      await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
      const first = (await rows.nth(0).locator('[data-field="caseNo"]').innerText()).trim();
      const second = (await rows.nth(1).locator('[data-field="caseNo"]').innerText()).trim();
      await screenshot(page, `queue-1366-${tag(language)}`);
      // `?` lists the case screen's keys too.
      await page.keyboard.press('?');
      const help = page.getByRole('dialog');
      await expect(help).toContainText('Ctrl');
      await expect(help).toContainText('Shift');
      await screenshot(page, `shortcuts-${tag(language)}`);
      await page.keyboard.press('Escape');
      await expect(help).toBeHidden();

      // Enter opens the highlighted case; the keyboard starts on the debtor's call button (→ the gate).
      await page.keyboard.press('Enter');
      await caseOpen(page, language, first);
      await expect(page.getByRole('button', { name: w.callDebtor }).first()).toBeFocused();
      await expectNoPageScroll(page);
      await page.keyboard.press('Enter');
      const start = page.getByRole('button', { name: w.start });
      await expect(start).toBeFocused();
      await expect(page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'gate');
      await screenshot(page, `case-gate-1366-${tag(language)}`);

      // Start: the keyboard goes to the result; its number key chooses it; the next action follows the result.
      await page.keyboard.press('Enter');
      const result = page.getByRole('combobox', { name: w.result });
      await expect(result).toBeFocused();
      await page.keyboard.press('1');
      await expect(result).toHaveText(w.noAnswer);
      await expect(page.getByTestId('next-action')).toHaveValue(w.proposed);
      await page.keyboard.press('Tab');
      const notes = page.getByRole('textbox', { name: w.notes });
      await expect(notes).toBeFocused();
      await page.keyboard.type(w.note);
      await expect(page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'outcome');
      // Save and Save-and-next stay in view, over no field.
      const actions = page.getByTestId('call-actions');
      await expect(actions.getByRole('button', { name: w.saveNext })).toBeInViewport();
      const bar = await actions.boundingBox();
      const body = await page.getByTestId('call-body').boundingBox();
      expect(bar && body && bar.y >= body.y + body.height - 1).toBe(true);
      await expectNoPageScroll(page);
      await screenshot(page, `case-outcome-1366-${tag(language)}`);

      // Ctrl+Shift+Enter: saved, and the queue's next case is open, its call button focused.
      await page.keyboard.press('Control+Shift+Enter');
      await caseOpen(page, language, second);
      await expect(page.getByRole('button', { name: w.callDebtor }).first()).toBeFocused();

      // The first case's outcome is recorded: the queue shows its follow-up at 12:00 and today's attempt.
      await page.getByRole('button', { name: w.back }).click();
      const done = rows.filter({ hasText: first });
      await expect(done.locator('[data-field="nextActionAt"]')).toContainText('12:00');
      await expect(done.getByTestId('contacted-today')).toBeVisible();
      if (language === 'zh-CN') {
        await page.setViewportSize({ width: 1920, height: 1080 });
        await done.click();
        await caseOpen(page, language, first);
        await expect(page.getByTestId('timeline-row').first()).toContainText(w.note);
        await screenshot(page, 'case-1920-zh');
      }
    });

    test(`an unsaved outcome survives the idle lock; a callback needs its time (${language})`, async ({ page, host }) => {
      test.setTimeout(120_000);
      mkdirSync(SCREENSHOTS, { recursive: true });
      const w = WORDS[language];
      await page.clock.install({ time: new Date(TEN_AM_SHANGHAI) });
      await signInCollector(page, host.url, language);

      const rows = dataRows(queueGrid(page, language));
      await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
      const first = (await rows.nth(0).locator('[data-field="caseNo"]').innerText()).trim();
      await page.keyboard.press('Enter');
      await caseOpen(page, language, first);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: w.start })).toBeFocused();
      await page.keyboard.press('Enter');

      // A callback without its time is not saved.
      const result = page.getByRole('combobox', { name: w.result });
      await expect(result).toBeFocused();
      await page.keyboard.press('6');
      await expect(result).toHaveText(w.callback);
      await expect(page.getByTestId('next-action')).toHaveValue('');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByText(w.callbackTime)).toBeVisible();
      for (const rule of ['CN-ID', 'CN-R1']) await page.getByRole('checkbox', { name: new RegExp(rule) }).check();
      // The number keys work from anywhere in the call panel but a text field (here a script checkbox).
      await expect(page.getByRole('checkbox', { name: /CN-R1/ })).toBeFocused();
      await page.keyboard.press('7');
      await expect(result).toHaveText(w.refused);
      await page.keyboard.press('6');
      await expect(result).toHaveText(w.callback);
      await page.getByRole('checkbox', { name: /CN-RPC/ }).check();
      await page.getByRole('textbox', { name: w.notes }).fill(w.callbackNote);
      await typeDate(dateFieldByTestId(page, 'next-action'), '2026-11-25T10:30', tag(language));

      // Nobody touches anything: a minute before the lock, the warning; then the lock, which says why.
      await page.clock.fastForward('14:01');
      await expect(page.getByTestId('idle-warning')).toHaveText(w.warning);
      await screenshot(page, `idle-warning-${tag(language)}`);
      await page.clock.fastForward('01:00');
      await expect(page.getByTestId('idle-lock-reason')).toContainText(w.lockedWhy);
      await screenshot(page, `idle-locked-${tag(language)}`);

      // Unlocked and signed in again: the same case, the outcome as it was left.
      await field(page, w.passphrase).fill(PASSPHRASE);
      await page.getByRole('button', { name: w.unlock, exact: true }).click();
      await expect(page.getByTestId('idle-lock-reason')).toContainText(w.lockedWhy);
      await field(page, w.user).fill(WB_COLLECTOR.name);
      await field(page, w.password).fill(WB_COLLECTOR.password);
      await page.getByRole('button', { name: w.signIn, exact: true }).click();
      await caseOpen(page, language, first);
      await expect(page.getByTestId('draft-restored')).toContainText(w.restored);
      await expect(page.getByRole('combobox', { name: w.result })).toHaveText(w.callback);
      await expect(page.getByRole('textbox', { name: w.notes })).toHaveValue(w.callbackNote);
      await expect(page.getByTestId('next-action')).toHaveValue(w.agreed);
      await expect(page.getByTestId('confirmed-count')).toContainText('3');

      // Saved as it was: the follow-up is the agreed time.
      await page.keyboard.press('Control+Enter');
      await expect(page.getByTestId('wrap-up-next-action')).toHaveText(w.wrapNext);

      // The idle lock is the workstation's: a collector sees it, an admin sets it.
      await page.getByRole('button', { name: w.menu }).click();
      await expect(page.getByTestId('idle-lock-setting')).toHaveAttribute('aria-disabled', 'true');
      await expect(page.getByTestId('idle-lock-setting')).toContainText(w.adminOnly);
    });
  }

  test('the next case after a page’s last is the first of the queue’s next page, as filtered and sorted (Alt+N)', async ({ page, host }) => {
    test.setTimeout(120_000);
    await signInCollector(page, host.url);
    const grid = queueGrid(page);
    await page.getByRole('combobox', { name: /每页行数/ }).click();
    await page.getByRole('option', { name: '25', exact: true }).click();
    await expect(page.getByText('第 1–25 条，共 200 条')).toBeVisible();
    const rows = dataRows(grid);
    await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
    let caseNo = (await rows.first().locator('[data-field="caseNo"]').innerText()).trim();
    await rows.first().click();
    await caseOpen(page, 'zh-CN', caseNo);
    // Alt+N through the page: its 25 cases, then the next page's first.
    const seen = new Set([caseNo]);
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Alt+N');
      const heading = page.getByRole('heading', { level: 1 });
      await expect(heading).not.toHaveText(`案件 ${caseNo}`);
      await expect(heading).toHaveText(/^案件 A\d+$/);
      caseNo = (await heading.innerText()).replace('案件', '').trim();
      expect(seen.has(caseNo)).toBe(false);
      seen.add(caseNo);
    }
    await page.getByRole('button', { name: '返回工作队列' }).click();
    await expect(page.getByText('第 26–50 条，共 200 条')).toBeVisible();
    await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
    await expect(rows.first().locator('[data-field="caseNo"]')).toHaveText(caseNo);
  });
});
