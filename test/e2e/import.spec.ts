import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, completeFirstRun, field, PASSPHRASE, signInZh, signOutZh } from './flows';
import { expect, runScript, screenshot, test, type WebHost } from './fixtures';
import { generateCases, writeBankACsv } from '../helpers/bank-files';
import { fixture } from '../helpers/fixtures';

const COLLECTOR = { name: 'zhouli', password: 'Collector-1' };
/** enough rows for the import to take a few seconds here, so its progress can be seen */
const LARGE_ROWS = 60_000;

/** First run, then the two shipped bank profiles registered (and a collector), then unlocked and signed in as the admin. */
async function withClients(page: Page, host: WebHost, opts: { english?: boolean } = {}): Promise<void> {
  await page.goto(host.url);
  await completeFirstRun(page);
  const restarted = await host.restart(() => runScript('test/e2e/seed-clients.ts', [host.dataDir, PASSPHRASE, COLLECTOR.name, COLLECTOR.password]));
  await page.goto(restarted.url);
  if (opts.english) {
    await page.getByRole('button', { name: '界面语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await field(page, 'Database passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await field(page, 'User name').fill(ADMIN.name);
    await field(page, 'Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    return;
  }
  await field(page, '数据库密码').fill(PASSPHRASE);
  await page.getByRole('button', { name: '解锁', exact: true }).click();
  await signInZh(page, ADMIN.name, ADMIN.password);
}

/** Clicks the button that opens the file dialog and answers it with a fixture. */
async function chooseFixture(page: Page, button: string, ...path: string[]): Promise<void> {
  await chooseFile(page, button, fixture(...path));
}

async function chooseFile(page: Page, button: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('region', { name: /导入文件|Import a file/ }).getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

/** The Import button of the panel (the navigation has one of the same name). */
function importButton(page: Page, name: string) {
  return page.getByRole('region', { name: /导入文件|Import a file/ }).getByRole('button', { name, exact: true });
}

test('a lead imports the bank’s placement file, then one with bad rows, and exports the rejected rows', async ({ page, host }) => {
  await withClients(page, host);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '导入' }).click();
  await expect(page.getByRole('heading', { name: '导入', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '委托方' })).toHaveText(/示例银行A信用卡中心/);
  await expect(page.getByRole('combobox', { name: '文件类型' })).toHaveText('委案文件');

  // Preview: the first rows as bank-a's profile maps them, personal data masked, the bank's headers under ours.
  await chooseFixture(page, '选择文件…', 'bank-a', 'placement-2026-11.csv');
  await expect(page.getByTestId('chosen-file')).toContainText('placement-2026-11.csv');
  const preview = page.getByRole('table', { name: '导入预览' });
  await expect(preview.getByRole('row')).toHaveCount(21); // header + 20 rows
  await expect(page.getByTestId('missing-columns')).toHaveCount(0); // every column of the profile is in the file
  // Each column: our label, and under it the bank's header (or where the value came from).
  await expect(preview.getByRole('columnheader', { name: '债务人姓名 客户姓名' })).toBeVisible();
  await expect(preview.getByRole('columnheader', { name: '委案金额 委案金额' })).toBeVisible();
  await expect(preview.getByRole('columnheader', { name: '余额 委案金额' })).toBeVisible();
  const first = preview.getByRole('row').nth(1);
  await expect(first).toContainText('A261100000001');
  await expect(first).toContainText('3701**********9048');
  await expect(first).toContainText('139****1641');
  await expect(first).toContainText('152,218.77');
  await expect(preview).not.toContainText('370102198602249048');
  // The debtor's name masked, as on every screen.
  await expect(first).toContainText('刘*雨');
  await expect(preview).not.toContainText('刘国雨');
  // Every field the import takes, the contact persons as read (name, relation, masked phone).
  await expect(preview.getByRole('columnheader', { name: '本金 逾期本金' })).toBeVisible();
  await expect(first).toContainText('薛红涵其他199****5293');
  // What the import would do, rehearsed on the store: 20 new cases; the batch's term from the rows, its hand the profile's.
  await expect(preview.getByRole('columnheader', { name: '导入结果' })).toBeVisible();
  await expect(first.getByRole('cell').nth(1)).toHaveText('新案件');
  await expect(page.getByTestId('preview-outcomes')).toHaveText('新案件 20 行');
  await expect(page.getByTestId('batch-term')).toHaveText('委案期限 2026/11/01 至 2027/01/31（取自文件）');
  await expect(page.getByText('不填则为第 1 手（委托方配置）')).toBeVisible();
  await screenshot(page, 'import-preview');

  await importButton(page, '导入').click();
  await expect(page.getByTestId('summary-inserted')).toHaveText('200', { timeout: 30_000 });
  await expect(page.getByTestId('summary-rejected')).toHaveText('0');
  await expect(page.getByText('全部 200 行都已导入。')).toBeVisible();
  const batches = page.getByRole('table', { name: '委案批次' });
  const batch = batches.getByRole('row').filter({ hasText: 'placement-2026-11.csv' });
  await expect(batch).toContainText('示例银行A信用卡中心');
  await expect(batch.getByRole('cell').nth(6)).toHaveText('200');
  await expect(batch).toContainText('2027/01/31');
  await expect(batch).toContainText(/还剩 \d+ 天/);

  // The same file again: the preview says it was imported already, and there is nothing to import.
  await chooseFixture(page, '导入下一个文件', 'bank-a', 'placement-2026-11.csv');
  await expect(page.getByTestId('already-imported')).toContainText('已于');
  await expect(page.getByTestId('preview-outcomes')).toHaveText('无变化 20 行');
  await expect(importButton(page, '导入')).toBeDisabled();

  // A file with bad rows: the preview marks them, the import rejects exactly those and keeps the rest.
  await chooseFixture(page, '选择其他文件', 'bad', 'mixed-rows.csv');
  const problem = preview.getByRole('row').filter({ hasText: 'MIXBAD00000101' });
  await expect(problem).toHaveAttribute('data-problem', 'true');
  await expect(problem).toContainText('证件号码：校验位错误（GB 11643）');
  await expect(page.getByText(/^6 行有问题/)).toBeVisible();
  await expect(preview.getByRole('row').filter({ hasText: /^19/ })).toContainText('案件编号：与文件中前面的行重复，本行未导入');
  await problem.scrollIntoViewIfNeeded();
  await screenshot(page, 'import-preview-problems');
  await page.getByRole('textbox', { name: '批次号（可选）' }).fill('MIX-2026-11');
  await importButton(page, '导入').click();
  await expect(page.getByTestId('summary-rejected')).toHaveText('6', { timeout: 30_000 });
  await expect(page.getByTestId('summary-accepted')).toHaveText('18');
  const rejects = page.getByRole('table', { name: '被拒绝的行' });
  await expect(rejects.getByRole('row')).toHaveCount(7);
  const rows = rejects.getByRole('row');
  const expected: [string, string, string][] = [
    ['16', '证件号码', '校验位错误（GB 11643）'],
    ['17', '委案金额', '为负数'],
    ['18', '案件编号', '为空（必填）'],
    ['19', '案件编号', '与文件中前面的行重复，本行未导入'],
    ['20', '委案日期', '不是有效日期'],
    ['21', '委案金额', '不是有效数字'],
  ];
  for (const [i, [row, fieldName, reason]] of expected.entries()) {
    const cells = rows.nth(i + 1).getByRole('cell');
    await expect(cells.nth(0)).toHaveText(row);
    await expect(cells.nth(2)).toHaveText(fieldName);
    await expect(cells.nth(3)).toHaveText(reason);
  }
  await screenshot(page, 'import-summary');

  // Export to Excel: the rejected rows as shown, one sheet.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出为 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('mixed-rows-被拒绝的行.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await file.path());
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(7);
  // in Chinese no importer's message (English, with field keys): the field and the reason say it in words
  expect(sheet.getRow(1).values).toEqual([undefined, '行号', '案件编号', '字段', '原因']);
  expect(sheet.getRow(2).getCell(1).value).toBe(16);
  expect(sheet.getRow(2).getCell(2).value).toBe('MIXBAD00000101');
  expect(sheet.getRow(2).getCell(4).value).toBe('校验位错误（GB 11643）');
  expect([2, 3, 4, 5, 6, 7].map((r) => sheet.getRow(r).getCell(1).value)).toEqual([16, 17, 18, 19, 20, 21]);

  // The batch, and the past import's rejected rows a click away.
  await expect(batches.getByRole('row').filter({ hasText: 'MIX-2026-11' }).getByRole('cell').nth(6)).toHaveText('18');
  await page.getByRole('tab', { name: /导入记录/ }).click();
  await expect(page.getByRole('table', { name: '导入记录' }).getByRole('row').filter({ hasText: 'mixed-rows.csv' })).toContainText(ADMIN.displayName);
  await page.getByRole('button', { name: '查看 mixed-rows.csv 被拒绝的行' }).click();
  const dialog = page.getByRole('dialog', { name: 'mixed-rows.csv 被拒绝的行' });
  await expect(dialog.getByRole('row')).toHaveCount(7);
  await expect(dialog).toContainText('与文件中前面的行重复');
  await screenshot(page, 'import-rejects-dialog');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();

  // From the summary to assigning the batch just imported: the assignment screen opens on its unassigned cases.
  await page.getByRole('button', { name: '分配这批新案件（18 件）' }).click();
  await expect(page.getByRole('heading', { name: '分案', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '批次' })).toHaveText(/MIX-2026-11/);
  await expect(page.getByRole('combobox', { name: '当前催收员' })).toHaveText('未分配');
  await expect(page.getByRole('status', { name: '所选案件' })).toHaveText(/^已选 18 件案件/);
});

test('a file refused whole says so, and nothing is imported; a collector has no Import', async ({ page, host }, testInfo) => {
  await withClients(page, host);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '导入' }).click();
  await chooseFixture(page, '选择文件…', 'bad', 'header-only.csv');
  await expect(page.getByText('这个文件只有表头，没有数据行。')).toBeVisible();
  await importButton(page, '导入').click();
  const failure = page.getByRole('alert').filter({ hasText: '导入失败' });
  await expect(failure).toContainText('无法读取这个文件');
  await expect(failure).toContainText('没有导入任何数据。');
  await expect(failure).toContainText('header-only.csv');
  await screenshot(page, 'import-failed');
  await expect(page.getByText('还没有委案批次')).toBeVisible();

  // A file lacking a required column is refused already at the preview, naming the column.
  await chooseFixture(page, '选择其他文件', 'bad', 'missing-column.csv');
  const refused = page.getByRole('alert').filter({ hasText: '无法预览这个文件' });
  await expect(refused).toContainText('文件缺少必需的列：证件号码。'); // in words, without its key (idNumber)
  await expect(refused).not.toContainText('idNumber');
  // …and what the header row holds instead, so a wrong profile shows at once.
  await expect(refused).toContainText('最像表头的第 1 行是：案件编号、客户姓名、证件类型');
  await screenshot(page, 'import-missing-column');

  // A mapped column the file lacks (the bank renamed a contact header) is named, not dropped silently.
  const renamed = testInfo.outputPath('placement-renamed.csv');
  writeFileSync(renamed, iconv.encode(iconv.decode(readFileSync(fixture('bank-a', 'placement-2026-11.csv')), 'gbk').replace('联系人2电话', '联系人2手机'), 'gbk'));
  await chooseFile(page, '选择其他文件', renamed);
  await expect(page.getByTestId('missing-columns')).toHaveText('委托方配置的这些列在本文件中找不到，导入后这些字段为空：联系人2电话（“联系人2电话”）。如果银行改了列名，请管理员更新委托方配置。');
  await screenshot(page, 'import-missing-mapped-column');

  // Leaving the screen leaves the preview: the chosen file is deleted from the app's data folder.
  const staged = () => (existsSync(join(host.dataDir, 'staging')) ? readdirSync(join(host.dataDir, 'staging')) : []);
  await expect.poll(() => staged().length).toBe(1);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '工作队列' }).click();
  await expect.poll(staged).toEqual([]);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '导入' }).click();
  await expect(page.getByRole('region', { name: '导入文件' }).getByRole('button', { name: '选择文件…' })).toBeVisible();

  await signOutZh(page);
  await signInZh(page, COLLECTOR.name, COLLECTOR.password);
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('button', { name: '工作队列' })).toBeVisible();
  await expect(nav.getByRole('button', { name: '导入' })).toHaveCount(0);
});

test('in English: bank-b’s Excel placement file through its profile', async ({ page, host }) => {
  await withClients(page, host, { english: true });
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Import' }).click();
  await page.getByRole('combobox', { name: 'Client' }).click();
  await page.getByRole('option', { name: /bank-b/ }).click();
  await expect(page.getByRole('combobox', { name: 'File type' })).toHaveText('Placement');
  await chooseFixture(page, 'Choose file…', 'bank-b', 'placement-2026-11.xlsx');
  const preview = page.getByRole('table', { name: 'Import preview' });
  await expect(preview.getByRole('columnheader', { name: 'Placed amount 欠款总额' })).toBeVisible();
  await expect(preview.getByRole('row')).toHaveCount(21);
  await expect(page.getByText(/header on row 3/)).toBeVisible();
  // The batch number bank-b writes once, in its title rows, shown with where it was found.
  await expect(page.getByTestId('file-values')).toHaveText('For the whole file:Batch no. 2026年11月 (from the title rows)');
  // The file's batch number is the batch's: shown in its field, which cannot override it.
  const batchNo = page.getByRole('textbox', { name: 'Batch no. (optional)' });
  await expect(batchNo).toHaveValue('2026年11月');
  await expect(batchNo).toBeDisabled();
  await expect(page.getByText("From the bank's file")).toBeVisible();
  await expect(page.getByTestId('preview-outcomes')).toHaveText('New case: 20');
  await screenshot(page, 'import-preview-en');
  await importButton(page, 'Import').click();
  await expect(page.getByTestId('summary-inserted')).toHaveText('150', { timeout: 30_000 });
  await expect(page.getByText('All 150 rows were imported.')).toBeVisible();
  const batch = page.getByRole('table', { name: 'Placement batches' }).getByRole('row').filter({ hasText: 'placement-2026-11.xlsx' });
  await expect(batch.getByRole('cell').nth(6)).toHaveText('150');
  await expect(batch).toContainText(/days? left/);
  await screenshot(page, 'import-summary-en');
});

test('a large file imports in the background: the row counter climbs and the window stays usable', async ({ page, host }, testInfo) => {
  // The import of 60k rows takes most of a minute on a busy two-core machine: the test waits as long as its last step does.
  test.setTimeout(180_000);
  const big = testInfo.outputPath('placement-large.csv');
  writeBankACsv(big, generateCases(LARGE_ROWS));
  await withClients(page, host);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '导入' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('region', { name: '导入文件' }).getByRole('button', { name: '选择文件…' }).click();
  await (await chooser).setFiles(big);
  await expect(page.getByRole('table', { name: '导入预览' }).getByRole('row')).toHaveCount(21);

  await importButton(page, '导入').click();
  await expect(page.getByTestId('import-progress')).toHaveText(/正在导入，已处理 [\d,]+ 行/, { timeout: 30_000 });
  await expect(importButton(page, '正在导入…')).toBeDisabled();
  await screenshot(page, 'import-progress');
  // The window answers while the import runs: switch the tab below and back.
  await page.getByRole('tab', { name: /导入记录/ }).click();
  await expect(page.getByRole('tab', { name: /导入记录/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: /委案批次/ }).click();
  await expect(page.getByTestId('summary-inserted')).toHaveText(LARGE_ROWS.toLocaleString('zh-CN'), { timeout: 120_000 });
});

test('a preview and a large import can be cancelled mid-way: nothing of it is imported, and the file can be chosen again', async ({ page, host }) => {
  test.setTimeout(180_000);
  const big = host.dataDir.replace(/\/?$/, '-cancel.csv');
  writeBankACsv(big, generateCases(LARGE_ROWS));
  // A file whose first data row comes after millions of empty rows: its preview reads for a while.
  const late = host.dataDir.replace(/\/?$/, '-late.csv');
  writeFileSync(late, Buffer.concat([Buffer.from(`${readFileSync(big, 'latin1').split('\r\n')[0] ?? ''}\r\n`, 'latin1'), Buffer.from(`${','.repeat(28)}\r\n`.repeat(2_800_000))]));
  await withClients(page, host);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '导入' }).click();
  await chooseFile(page, '选择文件…', late);
  await page.getByTestId('cancel-preview').click();
  await expect(page.getByTestId('chosen-file')).toHaveCount(0);
  await expect(page.getByTestId('cancel-preview')).toHaveCount(0);

  await chooseFile(page, '选择文件…', big);
  await expect(page.getByRole('table', { name: '导入预览' }).getByRole('row')).toHaveCount(21);

  await importButton(page, '导入').click();
  await expect(page.getByTestId('import-progress')).toHaveText(/正在导入，已处理 [\d,]+ 行/, { timeout: 30_000 });
  await page.getByTestId('cancel-import').click();
  await expect(page.getByTestId('import-cancelled')).toContainText('已取消导入', { timeout: 30_000 });
  await expect(page.getByTestId('import-cancelled')).toContainText('没有导入任何数据');
  // Nothing recorded: no import in the history, and the same file previews as never imported.
  await expect(page.getByRole('tab', { name: /导入记录/ })).toHaveText('导入记录（0）');
  await chooseFile(page, '选择其他文件', big);
  await expect(page.getByRole('table', { name: '导入预览' }).getByRole('row')).toHaveCount(21);
  await expect(page.getByTestId('already-imported')).toHaveCount(0);
});
