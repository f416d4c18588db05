import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, completeFirstRun, field, signOutZh } from './flows';
import { expect, SCREENSHOTS, test } from './fixtures';

/**
 * The lead's screens at the agency PC's 1366×768, in Chinese and English, for docs/screenshots (and for looking at:
 * nothing cramped, clipped or untranslated). `UPDATE_SCREENSHOTS=1 npx playwright test test/e2e/lead-screenshots.spec.ts`
 * refreshes the committed ones; otherwise they go to test-results/screenshots.
 */
const DIR = SCREENSHOTS;

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(DIR, `${name}.png`) });
}

const LABELS = {
  zh: { user: '用户名', password: '密码', signIn: '登录', nav: '主导航', dashboard: '仪表盘', assignment: '分案', approvals: '审批', allTab: '全部', approve: '批准案件' },
  en: { user: 'User name', password: 'Password', signIn: 'Sign in', nav: 'Main navigation', dashboard: 'Dashboard', assignment: 'Assignment', approvals: 'Approvals', allTab: 'All', approve: 'Approve the request' },
};

for (const lang of ['zh', 'en'] as const) {
  test(`lead screens at 1366×768 (${lang})`, async ({ page, host }) => {
    test.setTimeout(150_000);
    mkdirSync(DIR, { recursive: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(host.url);
    await completeFirstRun(page, { demo: true });
    await signOutZh(page);
    const l = LABELS[lang];
    if (lang === 'en') {
      await page.getByRole('button', { name: '界面语言' }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
    }
    await field(page, l.user).fill('lead');
    await field(page, l.password).fill(ADMIN.password);
    await page.getByRole('button', { name: l.signIn, exact: true }).click();
    const nav = page.getByRole('navigation', { name: l.nav });
    await nav.getByRole('button', { name: l.dashboard }).click();
    await expect(page.getByRole('heading', { name: l.dashboard })).toBeVisible();
    await expect(page.locator('.MuiSkeleton-root')).toHaveCount(0, { timeout: 30_000 });
    await shoot(page, `dashboard-${lang}`);
    await nav.getByRole('button', { name: l.assignment }).click();
    await expect(page.getByRole('heading', { name: l.assignment })).toBeVisible();
    await shoot(page, `assignment-${lang}`);
    await nav.getByRole('button', { name: l.approvals }).click();
    await expect(page.getByRole('heading', { name: l.approvals })).toBeVisible();
    await page.getByRole('button', { name: new RegExp(`^${l.allTab}`) }).click();
    await shoot(page, `approvals-${lang}`);
    // deciding shows the collector's reason, the waiver against the bank's limit and the case's latest activities
    await page.getByRole('button', { name: new RegExp(`^${l.approve}`) }).first().click();
    await expect(page.getByRole('dialog').getByRole('table')).toBeVisible();
    await shoot(page, `approvals-decide-${lang}`);
  });
}
