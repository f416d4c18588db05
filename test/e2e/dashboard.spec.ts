import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { formatFen } from '../../shared/domain/money';
import { ADMIN, completeFirstRun, PASSPHRASE, signInZh, signOutZh } from './flows';
import { expect, ROOT, screenshot, test } from './fixtures';
import { dateField, typeDate } from './dates';

/** What `report kpi --json` prints (the figures this spec compares). */
interface CliKpi {
  ok: boolean;
  total: { cases: number; placedFen: number; recoveredFen: number; recoveredCases: number };
  rows: { label: string; recoveredFen: number }[];
}

/** `npm run cli -- report kpi --client bank-a --json …` against the host's data folder. */
function cliKpi(dataDir: string, ...args: string[]): CliKpi {
  const r = spawnSync('npx', ['tsx', 'electron/cli/main.ts', 'report', 'kpi', '--client', 'bank-a', '--json', '--data', dataDir, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, COLLECTDESK_PASSPHRASE: PASSPHRASE, NO_COLOR: '1' },
  });
  if (r.status !== 0) throw new Error(`report kpi failed:\n${r.stdout}\n${r.stderr}`);
  const result = JSON.parse(r.stdout) as CliKpi;
  expect(result.ok).toBe(true);
  return result;
}


/** A calendar day in Shanghai (the demo clients' time zone), `days` from today. */
function shanghaiDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));
}

test('a lead reads the dashboard: cards, charts, groupings, drill-down, Excel export; the same figures as report kpi', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await completeFirstRun(page, { demo: true });
  await signOutZh(page);
  await signInZh(page, 'lead', ADMIN.password);
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('button', { name: '仪表盘' }).click();
  await expect(page.getByRole('heading', { name: '仪表盘' })).toBeVisible();

  // The whole placement term of bank-a: the same total as the CLI.
  const cli = cliKpi(host.dataDir);
  const recovered = page.getByRole('button', { name: /^回款金额 / });
  await expect(recovered).toHaveAccessibleName(`回款金额 ${formatFen(cli.total.recoveredFen)}，查看案件`);
  await expect(page.getByRole('button', { name: /^委案金额 / })).toHaveAccessibleName(`委案金额 ${formatFen(cli.total.placedFen)}，查看案件`);
  for (const card of ['金额回收率', '户数回收率', '接通率', '本人接通率', '承诺率', '承诺履约率（户数）', '承诺履约率（金额）', '佣金']) {
    await expect(page.getByRole('button', { name: new RegExp(`^${card} `) })).toBeVisible();
  }
  await expect(page.getByText(/^整个委案期：\d{4}\/\d{2}\/\d{2} 至 \d{4}\/\d{2}\/\d{2}$/)).toBeVisible();
  // The recovery rate's line fits its card in short amounts (万, 亿); its tooltip gives them in full.
  const rateLine = page.getByRole('button', { name: /^金额回收率 / }).locator('.MuiTypography-caption');
  await expect(rateLine).toHaveText(/^回款 ¥[\d.]+万? \/ 委案 ¥[\d.]+(万|亿)$/);
  await expect(rateLine).toHaveAttribute('title', `回款 ${formatFen(cli.total.recoveredFen)} / 委案 ${formatFen(cli.total.placedFen)}`);
  // Both charts are drawn (MUI X Charts: SVG with its series).
  await expect(page.getByRole('figure', { name: '每日趋势：累计金额回收率与当日回款' }).locator('.MuiLineChart-line')).toHaveCount(2);
  await expect(page.getByRole('figure', { name: '各批次回收率' }).locator('.MuiBarChart-element')).toHaveCount(4); // 2 batches × 2 rates

  // Grouping: by collector, a row per collector and the total.
  const groups = page.getByRole('region', { name: '分组对比' });
  await groups.getByRole('tab', { name: '按催收员' }).click();
  const table = groups.getByRole('table', { name: '按催收员' });
  await expect(table.getByRole('row', { name: /^张伟 / })).toBeVisible();
  await expect(table.getByRole('row', { name: /^未分配 / })).toBeVisible();
  await expect(table.getByRole('row', { name: /^合计 / })).toContainText(formatFen(cli.total.recoveredFen));
  await expect(page.getByRole('figure', { name: '各催收员回收率' })).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 1480 });
  await screenshot(page, 'dashboard-lead');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Drill-down: the cases behind the recovered amount.
  await recovered.click();
  const drill = page.getByRole('dialog', { name: '案件明细：回款金额' });
  await expect(drill).toContainText(`共 ${cli.total.recoveredCases.toLocaleString('zh-CN')} 件`);
  await expect(drill.getByRole('row')).toHaveCount(Math.min(50, cli.total.recoveredCases) + 1);
  await expect(drill.getByRole('row').nth(1)).toContainText(/^D[AB]\d{9}/);
  await screenshot(page, 'dashboard-drill');
  await drill.getByRole('button', { name: '关闭' }).click();
  await expect(drill).toBeHidden();

  // A number in the table drills too: 张伟's cases worked.
  await table.getByRole('row', { name: /^张伟 / }).getByRole('cell').nth(7).getByRole('button').click();
  await expect(page.getByRole('dialog', { name: '案件明细：张伟 · 作业户数' })).toContainText('期间内有催记的案件');
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

  // Excel export of the table as shown: headers, a collector's row, the total.
  const download = page.waitForEvent('download');
  await groups.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('回收指标-示例银行A信用卡中心-按催收员.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await file.path());
  const sheet = book.worksheets[0]!;
  expect(sheet.name).toBe('按催收员');
  expect(sheet.getRow(1).values).toEqual([undefined, '催收员', '委案户数', '委案金额', '回款金额', '金额回收率', '回款户数', '户数回收率', '作业户数', '接通率', '本人接通率', '承诺率', '承诺履约率（户数）', '承诺履约率（金额）', '佣金']);
  const rows = sheet.getSheetValues().slice(2) as unknown[][];
  const zhang = rows.find((r) => r[1] === '张伟');
  const cliZhang = cliKpi(host.dataDir, '--by', 'collector').rows.find((r) => r.label === '张伟');
  expect(zhang?.[4]).toBe((cliZhang?.recoveredFen ?? -1) / 100);
  expect(sheet.getCell(`D${sheet.rowCount}`).numFmt).toBe('#,##0.00');
  expect(rows.find((r) => r[1] === '未分配')?.[9]).toBe('—'); // no denominator: “—”, never 0%
  const total = rows[rows.length - 1]!;
  expect(total[1]).toBe('合计');
  expect(total[4]).toBe(cli.total.recoveredFen / 100);

  // A period: the same figures as `report kpi --from --to`.
  const from = shanghaiDay(-14);
  const to = shanghaiDay(0);
  await typeDate(dateField(page, '开始日期'), from);
  await typeDate(dateField(page, '结束日期'), to);
  await expect(page.getByText(`统计期间：${from.replace(/-/g, '/')} 至 ${to.replace(/-/g, '/')}`)).toBeVisible();
  const period = cliKpi(host.dataDir, '--from', from, '--to', to);
  expect(period.total.recoveredFen).toBeLessThan(cli.total.recoveredFen);
  await expect(recovered).toHaveAccessibleName(`回款金额 ${formatFen(period.total.recoveredFen)}，查看案件`);

  // A period back to front: no figures, and the reason why.
  await typeDate(dateField(page, '开始日期'), to);
  await typeDate(dateField(page, '结束日期'), from);
  await expect(page.getByRole('alert').filter({ hasText: '开始日期晚于结束日期' })).toBeVisible();
  await expect(recovered).toBeDisabled();
  await page.getByRole('button', { name: '恢复整个委案期' }).click();

  // Every number leads to its cases, and each case opens: the first case behind the recovered amount.
  await recovered.click();
  const behind = page.getByRole('dialog', { name: '案件明细：回款金额' });
  const first = behind.getByRole('row').nth(1);
  await expect(first).toContainText(/^D[AB]\d{9}/);
  const caseNo = (await first.getByRole('cell').first().innerText()).trim();
  await expect(behind.getByRole('columnheader', { name: '已回款' })).toBeVisible();
  await first.getByRole('button', { name: `打开案件 ${caseNo}` }).click();
  await expect(page.getByRole('heading', { name: `案件 ${caseNo}` })).toBeVisible();
});

test('a collector sees “My figures”: their own cases only, and no approvals', async ({ page, host }) => {
  await page.goto(host.url);
  await completeFirstRun(page, { demo: true });
  await signOutZh(page);
  await signInZh(page, 'c1', ADMIN.password);
  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const hidden of ['审批', '仪表盘', '分案']) await expect(nav.getByRole('button', { name: hidden, exact: true })).toHaveCount(0);
  await nav.getByRole('button', { name: '我的业绩' }).click();
  await expect(page.getByRole('heading', { name: '我的业绩' })).toBeVisible();
  const mine = cliKpi(host.dataDir, '--as', 'c1');
  const team = cliKpi(host.dataDir);
  expect(mine.total.placedFen).toBeLessThan(team.total.placedFen);
  await expect(page.getByRole('button', { name: /^委案金额 / })).toHaveAccessibleName(`委案金额 ${formatFen(mine.total.placedFen)}，查看案件`);
  await expect(page.getByRole('button', { name: /^回款金额 / })).toHaveAccessibleName(`回款金额 ${formatFen(mine.total.recoveredFen)}，查看案件`);
  const groups = page.getByRole('region', { name: '分组对比' });
  await expect(groups.getByRole('tab')).toHaveText(['按批次', '按阶段']);
  await screenshot(page, 'dashboard-collector');
});
