import type { Locator, Page } from '@playwright/test';
import { field, PASSPHRASE } from './flows';
import { expect } from './fixtures';

/** Mirrors seed-workbench.ts (kept apart so that specs do not load the core). */
export const WB_COLLECTOR = { name: 'lina', displayName: '李娜', password: 'Collector-pass-1' };
/** 10:00 in Shanghai on Tuesday 24 November 2026, and 22:30 the same evening. */
export const TEN_AM_SHANGHAI = '2026-11-24T02:00:00Z';
export const HALF_TEN_PM_SHANGHAI = '2026-11-24T14:30:00Z';
export const FAKE_TODAY = '2026-11-24';

/** `prepareData`: bank-a's November placement assigned to the collector (see seed-workbench.ts). */
export const SEED_WORKBENCH = ['test/e2e/seed-workbench.ts', PASSPHRASE];

/** Unlocks the seeded database and signs in as the collector, in Chinese or (switching first) in English. */
export async function signInCollector(page: Page, url: string, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  await page.goto(url);
  if (language === 'en') {
    await page.getByRole('button', { name: '界面语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
  }
  const zh = language === 'zh-CN';
  await field(page, zh ? '数据库密码' : 'Database passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: zh ? '解锁' : 'Unlock', exact: true }).click();
  await field(page, zh ? '用户名' : 'User name').fill(WB_COLLECTOR.name);
  await field(page, zh ? '密码' : 'Password').fill(WB_COLLECTOR.password);
  await page.getByRole('button', { name: zh ? '登录' : 'Sign in', exact: true }).click();
}

/** The queue's grid, by its accessible name. */
export function queueGrid(page: Page, language: 'zh-CN' | 'en' = 'zh-CN'): Locator {
  return page.getByRole('grid', { name: language === 'zh-CN' ? '案件列表' : 'Cases' });
}

/** The data rows of the grid (its header row excluded). */
export function dataRows(grid: Locator): Locator {
  return grid.locator('.MuiDataGrid-row');
}

/** Picks an option of an MUI select (a combobox) by their accessible names. */
export async function choose(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
}
