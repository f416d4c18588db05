import { createHash } from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Download, Page } from '@playwright/test';
import { field } from './flows';
import { expect, ROOT, screenshot, test, type WebHost } from './fixtures';
import { dateFieldByTestId, shownDay, typeDate } from './dates';

/** The demo data set of the command line (`demo --cases 500`): users admin, lead, c1–c3 with one password. */
const PASSPHRASE = 'returns e2e passphrase';
const PASSWORD = 'Returns-pass-1';
const NODE = join(ROOT, 'node_modules/.bin/node');

/**
 * A day counted from today in Shanghai. The host runs in that zone (as the agency's workstation would), so the app's
 * today and the clients' calendar days agree; the demo's activities cover the last 30 days.
 */
function day(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

test.use({ hostEnv: { TZ: 'Asia/Shanghai' } });

const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', COLLECTDESK_PASSPHRASE: PASSPHRASE, COLLECTDESK_PASSWORD: PASSWORD };

function cli(dataDir: string, args: string[], extraEnv: Record<string, string> = {}): Record<string, unknown> {
  const r = spawnSync(NODE, ['--import', 'tsx', 'electron/cli/main.ts', ...args, '--data', dataDir, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...ENV, ...extraEnv } });
  if (r.status !== 0) throw new Error(`collectdesk ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** The demo data set, and three of bank-a's demo cases recalled (dated yesterday, taken in today), written while no host holds the database. */
async function withDemo(host: WebHost): Promise<WebHost> {
  return host.restart(() => {
    cli(host.dataDir, ['demo', '--cases', '500']);
    const recalls = join(host.dataDir, 'recalls.csv');
    writeFileSync(recalls, ['案件编号,退案日期,退案原因', ...['DA000000001', 'DA000000002', 'DA000000003'].map((no) => `${no},${day(-1)},银行收回`)].join('\r\n'));
    cli(host.dataDir, ['import', 'recalls', '--client', 'bank-a', recalls]);
  });
}

async function signIn(page: Page, url: string, user: string, language: 'zh-CN' | 'en'): Promise<void> {
  await page.goto(url);
  const zh = language === 'zh-CN';
  if (!zh) {
    await page.getByRole('button', { name: '界面语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
  }
  await field(page, zh ? '数据库密码' : 'Database passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: zh ? '解锁' : 'Unlock', exact: true }).click();
  await field(page, zh ? '用户名' : 'User name').fill(user);
  await field(page, zh ? '密码' : 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: zh ? '登录' : 'Sign in', exact: true }).click();
  await expect(page.getByRole('navigation', { name: zh ? '主导航' : 'Main navigation' })).toBeVisible();
}

/** Clicks the export button and collects the downloads it starts (the returns file, then a CSV template's daily report). */
async function exportAndCollect(page: Page, button: string, count: number): Promise<{ name: string; bytes: Buffer }[]> {
  const downloads: Download[] = [];
  const all = new Promise<void>((done) => {
    const on = (d: Download) => {
      downloads.push(d);
      if (downloads.length === count) {
        page.off('download', on);
        done();
      }
    };
    page.on('download', on);
  });
  await page.getByRole('button', { name: button }).click();
  await all;
  return Promise.all(downloads.map(async (d) => ({ name: d.suggestedFilename(), bytes: readFileSync(await d.path()) })));
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const count = async (page: Page, kind: string) => Number((await page.getByTestId(`returns-count-${kind}`).innerText()).replace(/\D/g, ''));

test('zh-CN: a lead previews bank-a’s returns of the last days, exports the GBK CSV and its daily report, and the same file again', async ({ page, host }) => {
  const h = await withDemo(host);
  await signIn(page, h.url, 'lead', 'zh-CN');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '回盘与同步' }).click();
  await expect(page.getByRole('heading', { name: '回盘与同步' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '委托方' })).toHaveText('示例银行A信用卡中心');
  await expect(page.getByTestId('returns-from')).toHaveValue(shownDay(day(-1)));
  // the recalls arrived today, the activities over the last days: a period of both
  await typeDate(dateFieldByTestId(page, 'returns-from'), day(-2));
  await typeDate(dateFieldByTestId(page, 'returns-to'), day(0));
  await page.getByRole('button', { name: '预览' }).click();

  await expect(page.getByTestId('returns-file-name')).toHaveText(`回盘_bank-a_${day(-2).replaceAll('-', '')}_${day(0).replaceAll('-', '')}.csv`);
  await expect(page.getByText('CSV 文件（GBK 编码） · 日报另存为')).toBeVisible();
  expect(await count(page, 'recalls')).toBe(3);
  const activities = await count(page, 'activities');
  expect(activities).toBeGreaterThan(0);
  const total = await count(page, 'total');
  await expect(page.getByText('生成后，将有 3 个退案案件标记为已回盘。')).toBeVisible();
  await expect(page.getByText(/文件中的证件号码为完整信息/)).toBeVisible();
  const sample = page.getByRole('table', { name: '回盘文件的前几行' });
  await expect(sample.getByRole('columnheader', { name: '委外机构代码' })).toBeVisible();
  await expect(sample.getByRole('row').nth(1)).toContainText('WW0001');
  // on screen the ID number is masked, though the file carries it in full
  await expect(sample.getByRole('row').nth(1)).toContainText(/\d{4}\*{10}[\dX]{4}/);
  const daily = page.getByRole('table', { name: '日报' });
  await expect(daily.getByRole('row').last()).toContainText('合计');
  await screenshot(page, 'returns-preview');

  const [main, report] = await exportAndCollect(page, '生成并下载', 2);
  expect(main!.name).toMatch(/^回盘_bank-a_\d{8}_\d{8}\.csv$/);
  expect(report!.name).toMatch(/^日报_bank-a_\d{8}_\d{8}\.csv$/);
  await expect(page.getByTestId('returns-sha-0')).toHaveText(`SHA-256 ${sha256(main!.bytes)}`);
  const lines = iconv.decode(main!.bytes, 'gbk').split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('委外机构代码,案件编号,记录类型,记录编号,客户姓名,证件号码,卡号,日期,催收时间,催收方式,联系对象,联系人关系,联系电话,催收结果,承诺金额,承诺还款日,计划类型,计划金额,退案原因,催收员,催收备注');
  expect(lines).toHaveLength(total + 1);
  expect(lines.filter((l) => l.split(',')[2] === '退案')).toHaveLength(3);
  expect(lines.slice(1).every((l) => /^WW0001,D[AB]\d{9},/.test(l))).toBe(true);
  // our result codes became the bank's (A01 … E02), the ID numbers are in full, the names masked
  const first = lines.find((l) => l.includes(',催记,'))!.split(',');
  expect(first[13]).toMatch(/^[A-E]0\d$/);
  expect(first[5]).toMatch(/^\d{17}[\dX]$/);
  expect(first[4]).toContain('*');
  expect(iconv.decode(report!.bytes, 'gbk').split('\r\n')[0]).toBe('日期,作业户数,拨打次数,接通次数,本人接通次数,承诺笔数,承诺金额,回款金额');
  await expect(page.getByTestId('returns-exported')).toContainText('3 个退案案件已标记为已回盘。');
  const history = page.getByRole('region', { name: '最近的回盘' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText(main!.name);
  await expect(page.getByText('生成后，将有 3 个退案案件标记为已回盘。')).toHaveCount(0);
  await screenshot(page, 'returns-exported');
  const sync = page.getByRole('region', { name: '银行接口同步' });
  await expect(page.getByTestId('sync-row-bank-a')).toContainText('未开启');
  await expect(page.getByTestId('sync-row-bank-a').getByRole('button', { name: '立即同步' })).toBeDisabled();
  await sync.scrollIntoViewIfNeeded();
  await screenshot(page, 'returns-sync-history');

  // The same period again: the recalls are returned already, the file is the same to the byte.
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText('生成后，将有 3 个退案案件标记为已回盘。')).toHaveCount(0);
  const [again] = await exportAndCollect(page, '生成并下载', 2);
  expect(sha256(again!.bytes)).toBe(sha256(main!.bytes));
  await expect(history.getByRole('row')).toHaveCount(3);
});

test('en: an admin exports bank-b’s last 7 days as an XLSX that opens with its sheets and the bank’s words', async ({ page, host }) => {
  const h = await withDemo(host);
  await signIn(page, h.url, 'admin', 'en');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Returns & sync' }).click();
  await page.getByRole('combobox', { name: 'Client' }).click();
  await page.getByRole('option', { name: '示例银行B信用卡中心' }).click();
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(page.getByTestId('returns-from')).toHaveValue(shownDay(day(-7), 'en'));
  await expect(page.getByTestId('returns-to')).toHaveValue(shownDay(day(-1), 'en'));
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByText('Excel workbook (.xlsx) · daily report as a sheet of the workbook')).toBeVisible();
  const total = await count(page, 'total');
  expect(total).toBeGreaterThan(0);
  await expect(page.getByRole('table', { name: 'Daily report' }).getByRole('row')).toHaveCount(1 + 7 + 1);
  await expect(page.getByRole('region', { name: 'Bank sync' })).toContainText('No API: the profile has no sync address and key id');
  await screenshot(page, 'returns-preview-en');

  const [file] = await exportAndCollect(page, 'Export and download', 1);
  expect(file!.name).toBe(`bank-b_催收回盘_${day(-7).replaceAll('-', '')}-${day(-1).replaceAll('-', '')}.xlsx`);
  await expect(page.getByTestId('returns-sha-0')).toHaveText(`SHA-256 ${sha256(file!.bytes)}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file!.bytes as unknown as ArrayBuffer);
  expect(wb.worksheets.map((s) => s.name)).toEqual(['催收记录', '日报']);
  const sheet = wb.getWorksheet('催收记录')!;
  expect(sheet.getRow(1).values).toEqual([undefined, '合同号', '借款人', '类型', '日期时间', '联系方式', '关系', '电话', '结果', '承诺金额', '承诺还款日', '计划', '计划金额', '期数', '减免金额', '退案日', '催收员工号', '备注']);
  expect(sheet.actualRowCount).toBe(total + 1);
  const words = new Set(['承诺还款', '已还款待核实', '拒绝还款', '困难无力还款', '异议', '约定再联', '转告', '错号', '无人接听', '忙音', '关机', '空号停机', '身故', '投诉']);
  for (let r = 2; r <= sheet.actualRowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(3).value === '催收') expect(words.has(String(row.getCell(8).value))).toBe(true);
  }
  await expect(page.getByTestId('returns-exported')).toContainText('Exporting the same period again over unchanged data gives the very same file');
  await screenshot(page, 'returns-exported-en');
});

test('a collector has no returns screen', async ({ page, host }) => {
  const h = await withDemo(host);
  await signIn(page, h.url, 'c1', 'zh-CN');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('button', { name: '工作队列' })).toBeVisible();
  await expect(nav.getByRole('button', { name: '回盘与同步' })).toHaveCount(0);
});

/** The bank simulator (`npm run bank-sim`) on a free port, holding bank-a's November placement to be pulled. */
async function startBank(dir: string): Promise<{ url: string; process: ChildProcess }> {
  const sim = ['--import', 'tsx', 'test/bank-sim/main.ts'];
  const load = spawnSync(NODE, [...sim, 'load', '--data', dir, '--client', 'bank-a', 'placements', join(ROOT, 'test/fixtures/bank-a/placement-2026-11.csv'), '--json'], { cwd: ROOT, encoding: 'utf8', env: ENV });
  if (load.status !== 0) throw new Error(`bank-sim load failed: ${load.stderr}`);
  const child = spawn(NODE, [...sim, '--data', dir, '--port', '0', '--key-id', 'agency-7', '--secret', SYNC_SECRET], { cwd: ROOT, env: ENV });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) done((JSON.parse(out.split('\n')[0] ?? '{}') as { listening: string }).listening);
    });
    child.once('exit', (code) => fail(new Error(`bank-sim exited with ${code}`)));
  });
  return { url, process: child };
}

const SYNC_SECRET = 'returns e2e sync secret 0123456789';

test('zh-CN: the sync panel — a bank that answers is synced now, an outcome waits and is pushed, an unreachable bank is said so', async ({ page, host }) => {
  const bankDir = mkdtempSync(join(tmpdir(), 'collectdesk-e2e-bank-'));
  const bank = await startBank(bankDir);
  try {
    const h = await host.restart(() => {
      cli(host.dataDir, ['demo', '--cases', '100']);
      const profiles = JSON.parse(readFileSync(join(ROOT, 'resources/profiles/bank-a.json'), 'utf8')) as Record<string, unknown>;
      const a = join(host.dataDir, 'bank-a.json');
      writeFileSync(a, JSON.stringify({ ...profiles, sync: { url: bank.url, keyId: 'agency-7', intervalMinutes: 1440 } }));
      cli(host.dataDir, ['client', 'update', '--profile', a], { COLLECTDESK_SYNC_SECRET: SYNC_SECRET });
      const b = join(host.dataDir, 'bank-b.json');
      writeFileSync(b, JSON.stringify({ ...(JSON.parse(readFileSync(join(ROOT, 'resources/profiles/bank-b.json'), 'utf8')) as object), sync: { url: 'http://127.0.0.1:9/v1', keyId: 'agency-8', intervalMinutes: 1440 } }));
      cli(host.dataDir, ['client', 'update', '--profile', b], { COLLECTDESK_SYNC_SECRET: SYNC_SECRET });
    });
    await signIn(page, h.url, 'lead', 'zh-CN');
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('button', { name: '回盘与同步' }).click();
    const rowA = page.getByTestId('sync-row-bank-a');
    const rowB = page.getByTestId('sync-row-bank-b');
    await expect(rowA).toContainText('已开启');

    await rowA.getByRole('button', { name: '立即同步' }).click();
    await expect(page.getByText(/示例银行A信用卡中心 同步完成：推送 0 条，银行确认 0 条，拉取 200 条。/)).toBeVisible({ timeout: 30_000 });
    await expect(rowA.getByRole('cell').nth(4)).not.toHaveText('从未');

    // An outcome recorded meanwhile waits in the outbox until the next round.
    cli(host.dataDir, ['activity', 'add', '--client', 'bank-a', '--case', 'A261100000001', '--channel', 'call', '--party', 'debtor', '--phone', '13986441641', '--at', '2026-11-24T10:00:00+08:00', '--result', 'NO_ANSWER']);
    await nav.getByRole('button', { name: '工作队列' }).click();
    await nav.getByRole('button', { name: '回盘与同步' }).click();
    await expect(page.getByTestId('sync-pending-bank-a')).toHaveText('1');

    await rowB.getByRole('button', { name: '立即同步' }).click();
    await expect(page.getByText(/示例银行B信用卡中心 同步未完成：无法连接银行接口/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('sync-error-bank-b')).toContainText('127.0.0.1');
    await expect(rowB).toContainText('上次失败');
    await page.getByRole('region', { name: '银行接口同步' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'returns-sync');

    await rowA.getByRole('button', { name: '立即同步' }).click();
    await expect(page.getByText(/示例银行A信用卡中心 同步完成：推送 1 条，银行确认 1 条/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('sync-pending-bank-a')).toHaveText('0');
  } finally {
    const exited = new Promise((done) => bank.process.once('exit', done));
    bank.process.kill('SIGTERM');
    await exited;
    rmSync(bankDir, { recursive: true, force: true });
  }
});
