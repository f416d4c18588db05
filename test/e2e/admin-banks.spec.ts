import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, field, PASSPHRASE, signInZh } from './flows';
import { expect, ROOT, screenshot, test } from './fixtures';
import { SEED_WORKBENCH } from './workbench-flows';

/**
 * Admin → Banks: a bank registered from its profile file (a mistake refused naming its key, then the corrected file),
 * the profile tried on a sample file first, the waiver limit and the sync secret edited (the secret never shown back);
 * Admin → Data: the backup schedule and the purge's preview with its count. Seeded: bank-a and bank-b, bank-a's
 * November placement and its recall file of 25 November (ten cases recalled).
 */
test.use({ prepareData: [...SEED_WORKBENCH, '--recalls'], viewport: { width: 1366, height: 768 } });

const SECRET = 'e2e-sync-secret-4f1c2a9b7d';

async function openAdminTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '管理' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

/** Clicks a button that opens the file dialog and answers it with `file`. */
async function choose(page: Page, button: ReturnType<Page['getByRole']>, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles(file);
}

test('admin registers a bank from its profile, tries it on a sample, edits its settings, schedules backups and previews the purge', async ({ page, host }) => {
  const dir = mkdtempSync(join(tmpdir(), 'collectdesk-e2e-banks-'));
  try {
    const profile = JSON.parse(readFileSync(join(ROOT, 'resources/profiles/bank-a.json'), 'utf8')) as { code: string; name: string; placement: { columns: Record<string, unknown> } };
    profile.code = 'bank-c';
    profile.name = '示例银行C消费金融';
    const good = join(dir, 'bank-c.json');
    writeFileSync(good, JSON.stringify(profile, null, 2));
    // The mistake: the case-number column under a key the schema does not know.
    const { caseNo, ...rest } = profile.placement.columns;
    const bad = join(dir, 'bank-c-typo.json');
    writeFileSync(bad, JSON.stringify({ ...profile, placement: { ...profile.placement, columns: { ...rest, caseNumber: caseNo } } }, null, 2));

    await page.goto(host.url);
    await field(page, '数据库密码').fill(PASSPHRASE);
    await page.getByRole('button', { name: '解锁', exact: true }).click();
    await signInZh(page, ADMIN.name, ADMIN.password);
    await openAdminTab(page, '银行');
    const banks = page.getByRole('table', { name: '已登记的银行' });
    await expect(banks.locator('tbody tr')).toHaveCount(2);

    // A profile with a mistake: refused, the problem named by its key; nothing registered.
    await page.getByRole('button', { name: '从配置文件登记' }).click();
    const dialog = page.getByRole('dialog', { name: '从配置文件登记银行' });
    await choose(page, dialog.getByRole('button', { name: '选择配置文件…' }), bad);
    await expect(dialog.getByTestId('profile-file')).toContainText('bank-c-typo.json');
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    const problems = dialog.getByTestId('profile-problems');
    await expect(problems).toContainText('bank-c-typo.json 有 2 处错误，未保存');
    await expect(problems).toContainText('placement.columns：未知的键 "caseNumber"');
    await expect(problems).toContainText('placement.columns.caseNo：缺少这一项');
    await screenshot(page, 'admin-banks-profile-error');

    // The corrected file, tried on a sample first: the first rows as mapped and the rejects by row and field.
    await choose(page, dialog.getByRole('button', { name: '选择配置文件…' }), good);
    await expect(problems).toBeHidden();
    await choose(page, dialog.getByRole('button', { name: '选择样本文件并试用…' }), join(ROOT, 'test/fixtures/bad/mixed-rows.csv'));
    const trial = dialog.getByTestId('profile-trial');
    await expect(trial).toContainText(/读取了 \d+ 行，其中 \d+ 行会被拒绝/);
    await expect(trial.getByRole('table', { name: '被拒绝的行' }).locator('tbody tr').first()).toBeVisible();
    await expect(trial).toContainText('MIX00000001');
    await trial.getByRole('table', { name: '被拒绝的行' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-banks-try-profile');
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '已登记 示例银行C消费金融' })).toBeVisible();
    await expect(banks.locator('tbody tr')).toHaveCount(3);

    // bank-a: a new waiver limit, sync with its secret, and (for the purge below) no retention after a recall.
    const bankA = banks.locator('tr[data-bank="bank-a"]');
    await expect(bankA.getByTestId('waiver-limit')).toHaveText('50,000.00 元');
    await expect(bankA.getByTestId('secret-cell')).toHaveText('未设置');
    await page.getByRole('button', { name: '编辑 示例银行A信用卡中心 的设置' }).click();
    const settings = page.getByRole('dialog', { name: '编辑 示例银行A信用卡中心 的设置' });
    await settings.getByRole('textbox', { name: '减免上限（元）' }).fill('8000');
    await settings.getByRole('textbox', { name: '保留期（天）' }).fill('0');
    await settings.getByRole('switch', { name: '与银行接口同步' }).check();
    await settings.getByRole('textbox', { name: '接口地址' }).fill('https://bank-a.example.com/collectdesk/v1');
    await settings.getByRole('textbox', { name: '密钥编号（Key ID）' }).fill('agency-7');
    const secretField = settings.getByLabel('同步密钥', { exact: true });
    await expect(secretField).toHaveAttribute('type', 'password');
    await secretField.fill('short');
    await settings.getByRole('button', { name: '保存' }).click();
    await expect(settings).toContainText('密钥须为 16 到 512 个字符');
    await secretField.fill(SECRET);
    await settings.getByRole('button', { name: '保存' }).click();
    await expect(settings).toBeHidden();
    await expect(bankA.getByTestId('waiver-limit')).toHaveText('8,000.00 元');
    await expect(bankA.getByTestId('secret-cell')).toHaveText('已设置');
    await expect(bankA).toContainText('开启');
    await expect(bankA).toContainText('0 天');
    await screenshot(page, 'admin-banks');
    // Opened again: the secret is not there, only that one is set.
    await page.getByRole('button', { name: '编辑 示例银行A信用卡中心 的设置' }).click();
    await expect(settings.getByLabel('同步密钥', { exact: true })).toHaveValue('');
    await expect(settings.getByTestId('secret-state')).toHaveText('已设置');
    expect(await page.content()).not.toContain(SECRET);
    await screenshot(page, 'admin-banks-settings');
    await settings.getByRole('button', { name: '取消' }).click();

    // Admin → Data: a daily backup at 21:30 into the data folder's backups, keeping 7.
    await page.getByRole('tab', { name: '数据' }).click();
    const schedule = page.getByRole('region', { name: '定时备份' });
    await schedule.getByRole('combobox', { name: '频率' }).click();
    await page.getByRole('option', { name: '每天' }).click();
    await expect(schedule.getByRole('textbox', { name: '保存到文件夹' })).toHaveValue(/backups$/);
    await schedule.getByRole('textbox', { name: '时间' }).fill('25:00');
    await schedule.getByRole('button', { name: '保存计划' }).click();
    await expect(schedule).toContainText('请按 24 小时制填写，如 21:30');
    await schedule.getByRole('textbox', { name: '时间' }).fill('21:30');
    await schedule.getByRole('button', { name: '保存计划' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已保存备份计划' })).toBeVisible();
    await expect(schedule.getByTestId('schedule-last')).toHaveText('尚无');
    await expect(schedule.getByTestId('schedule-next')).toHaveText(/^\d{4}\/\d{2}\/\d{2} 21:30$/);
    await schedule.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-backup-schedule');

    // The purge says what it will touch before the irreversible step: bank-a's ten recalled cases.
    await page.getByRole('button', { name: '清理过期个人信息' }).click();
    const purge = page.getByRole('dialog', { name: '清理过期个人信息？' });
    await expect(purge.getByTestId('purge-summary')).toHaveText('将永久删除 10 个案件、10 位债务人的个人信息。');
    await expect(purge.getByRole('table', { name: '按委托方和批次' })).toContainText('示例银行A信用卡中心');
    await expect(purge).toContainText('保留：案件编号、金额');
    await screenshot(page, 'admin-purge-preview');
    await purge.getByRole('button', { name: '永久删除 10 个案件' }).click();
    await expect(purge).toBeHidden();
    await expect(page.getByText('已清理 10 个案件、10 位债务人的个人信息。')).toBeVisible();

    // In English: the Banks panel in its words, the secret as "Set".
    await page.getByRole('button', { name: '账户菜单' }).click();
    await page.getByRole('menuitem', { name: 'Switch to English' }).click();
    await page.getByRole('tab', { name: 'Banks' }).click();
    const en = page.getByRole('table', { name: 'Registered banks' });
    await expect(en.locator('tr[data-bank="bank-a"]').getByTestId('secret-cell')).toHaveText('Set');
    await expect(en.locator('tr[data-bank="bank-b"]').getByTestId('secret-cell')).toHaveText('Not set');
    await expect(en.getByRole('columnheader', { name: 'Waiver limit' })).toBeVisible();
    await screenshot(page, 'admin-banks-en');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
