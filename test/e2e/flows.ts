import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export const PASSPHRASE = 'correct horse battery staple';
export const ADMIN = { name: 'admin', displayName: '王经理', password: 'Admin-pass-1' };

/** A text or password input by its accessible name (MUI's required asterisk is aria-hidden). */
export function field(page: Page, name: string): Locator {
  return page.getByRole('textbox', { name, exact: true });
}

/**
 * First run in Chinese: database passphrase and the first admin; ends signed in, in the shell. With `demo`, through
 * “try with demo data” (~2,000 cases, users lead and c1–c3 with the admin's password).
 */
export async function completeFirstRun(page: Page, opts: { demo?: boolean } = {}): Promise<void> {
  await expect(page.getByRole('heading', { name: '首次使用：创建数据库' })).toBeVisible();
  await field(page, '数据库密码').fill(PASSPHRASE);
  await field(page, '确认数据库密码').fill(PASSPHRASE);
  await field(page, '用户名').fill(ADMIN.name);
  await field(page, '显示名称').fill(ADMIN.displayName);
  await field(page, '密码').fill(ADMIN.password);
  await field(page, '确认密码').fill(ADMIN.password);
  await page.getByRole('button', { name: opts.demo ? '用演示数据试用' : '创建数据库' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible({ timeout: opts.demo ? 60_000 : undefined });
}

/** Signs out through the account menu (Chinese labels). */
export async function signOutZh(page: Page): Promise<void> {
  await page.getByRole('button', { name: '账户菜单' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
}

export async function signInZh(page: Page, name: string, password: string): Promise<void> {
  await field(page, '用户名').fill(name);
  await field(page, '密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** On Admin → Users: adds a user with a role (its Chinese label) through the dialog; `beforeAdd` runs on the filled form. */
export async function addUserZh(page: Page, user: { name: string; displayName: string; password: string }, role: string, beforeAdd?: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: '添加用户' }).click();
  const dialog = page.getByRole('dialog', { name: '添加用户' });
  await dialog.getByRole('textbox', { name: '用户名', exact: true }).fill(user.name);
  await dialog.getByRole('textbox', { name: '显示名称', exact: true }).fill(user.displayName);
  await dialog.getByRole('combobox', { name: '角色' }).click();
  await page.getByRole('option', { name: role }).click();
  await dialog.getByRole('textbox', { name: '密码', exact: true }).fill(user.password);
  await dialog.getByRole('textbox', { name: '确认密码', exact: true }).fill(user.password);
  await beforeAdd?.();
  await dialog.getByRole('button', { name: '添加', exact: true }).click();
  await expect(dialog).toBeHidden();
}
