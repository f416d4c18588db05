import type { Locator, Page } from '@playwright/test';
import { ADMIN, completeFirstRun, field, signInZh, signOutZh } from './flows';
import { expect, screenshot, test } from './fixtures';

/** Picks an option of an MUI select by their accessible names. */
async function choose(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
}

/** “已选 1,234 件案件，余额合计 …” → 1234 */
async function selectedCases(preview: Locator): Promise<number> {
  await expect(preview).toHaveText(/已选 [\d,]+ 件案件/);
  return Number(/已选 ([\d,]+) 件/.exec((await preview.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
}

/** A collector's number of cases in the result table (its “案件数” column). */
async function resultCases(result: Locator, name: string): Promise<number> {
  return Number((await result.getByRole('row', { name: new RegExp(`^${name} `) }).getByRole('cell').nth(1).textContent())?.replace(/,/g, ''));
}

/**
 * As collector c1, through the contract over HTTP (the page's own origin and token): a settlement plan whose
 * waiver (60,000 yuan) is above both demo clients' limits, recorded on a letter (no calling-hours rule), so that
 * only an admin may approve it. Returns the case number.
 */
async function requestBigWaiver(page: Page, url: string): Promise<string> {
  const token = new URL(url).hash.replace('#token=', '');
  return page.evaluate(async (token) => {
    const call = async (method: string, input: unknown) => {
      const res = await fetch(`/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      const r = (await res.json()) as { ok: boolean; value: unknown; error?: { message: string } };
      if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
      return r.value;
    };
    await call('auth.signIn', { name: 'c1', password: 'Admin-pass-1' });
    const list = (await call('cases.list', { pageSize: 100, sort: 'balance', dir: 'desc' })) as { rows: { id: string; caseNo: string; balanceFen: number }[] };
    const target = list.rows.find((r) => r.balanceFen > 10_000_000);
    if (!target) throw new Error('no case above 100,000 yuan');
    const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await call('activity.record', {
      caseId: target.id, contactId: null, channel: 'letter', party: 'debtor', resultCode: 'HARDSHIP', notes: '债务人来函申请减免',
      plan: { kind: 'settlement', schedule: [{ dueDate: due, amountFen: target.balanceFen - 6_000_000 }], waiverFen: 6_000_000 },
    });
    await call('auth.signOut', {});
    return target.caseNo;
  }, token);
}

test('assignment: unassigned cases split evenly between two collectors, then a leaving collector’s portfolio moved', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await completeFirstRun(page, { demo: true });
  await signOutZh(page);
  await signInZh(page, 'lead', ADMIN.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '分案' }).click();
  await expect(page.getByRole('heading', { name: '分案' })).toBeVisible();

  // The selection starts from the cases nobody holds, so nothing is taken from anyone by accident.
  const preview = page.getByRole('status', { name: '所选案件' });
  await expect(page.getByRole('combobox', { name: '当前催收员' })).toHaveText('未分配');
  const unassigned = await selectedCases(preview);
  expect(unassigned).toBeGreaterThan(10);
  // A balance band narrows it; an upside-down band is refused before anything is asked.
  await field(page, '最低余额').fill('50000');
  await field(page, '最高余额').fill('1000');
  await expect(page.getByText('最高余额不能低于最低余额')).toBeVisible();
  await expect(page.getByRole('button', { name: '平均分配' })).toBeDisabled();
  await page.getByRole('button', { name: '清空条件' }).click();
  await expect(page.getByRole('combobox', { name: '当前催收员' })).toHaveText('未分配');
  await expect(preview).toHaveText(new RegExp(`^已选 ${unassigned.toLocaleString('zh-CN')} 件案件`));

  // Each collector shows the cases in hand, so a lead sees the load before sharing more out.
  const load = async (name: string) => {
    const label = (await page.getByRole('group', { name: '分配给' }).locator('label').filter({ hasText: name }).innerText()).replace(/\s+/g, ' ');
    return Number(/在手 ([\d,]+) 件/.exec(label)?.[1]?.replace(/,/g, '') ?? NaN);
  };
  const liBefore = await load('李娜');
  expect(liBefore).toBeGreaterThanOrEqual(0);
  await page.getByRole('checkbox', { name: /^张伟/ }).check();
  await page.getByRole('checkbox', { name: /^李娜/ }).check();
  await page.getByRole('button', { name: '平均分配' }).click();
  const confirm = page.getByRole('dialog', { name: '确认分配' });
  await expect(confirm).toContainText(`将 ${unassigned.toLocaleString('zh-CN')} 件案件`);
  await expect(confirm).toContainText('平均分配给 2 名催收员：李娜、张伟');
  await screenshot(page, 'assignment-confirm');
  await confirm.getByRole('button', { name: '确认分配' }).click();
  await expect(confirm).toBeHidden();

  const result = page.getByRole('region', { name: '本次分配结果' });
  await expect(result.getByRole('row', { name: /^合计 / })).toContainText(unassigned.toLocaleString('zh-CN'));
  const zhang = await resultCases(result, '张伟');
  const li = await resultCases(result, '李娜');
  expect(zhang + li).toBe(unassigned);
  expect(Math.abs(zhang - li)).toBeLessThanOrEqual(1);
  await expect.poll(() => load('李娜')).toBe(liBefore + li);
  await expect(preview).toHaveText('没有符合条件的案件。');
  await expect(page.getByText(`已把 ${unassigned.toLocaleString('zh-CN')} 件案件分配给 2 名催收员。`)).toBeVisible();
  await screenshot(page, 'assignment');

  // 刘洋 leaves: his whole portfolio goes to 张伟.
  await choose(page, '当前催收员', '刘洋');
  const liuYang = await selectedCases(preview);
  await page.getByRole('checkbox', { name: /^李娜/ }).uncheck();
  await page.getByRole('button', { name: '平均分配' }).click();
  await expect(confirm).toContainText('这些案件目前由 刘洋 负责');
  // taking cases from their collector says so, with who gives how many to whom, before anything moves
  await expect(confirm).toContainText(`其中 ${liuYang.toLocaleString('zh-CN')} 件案件已有催收员负责`);
  const moves = confirm.getByRole('table', { name: '将转手的案件' });
  await expect(moves.getByRole('row', { name: /^刘洋 张伟 / })).toContainText(liuYang.toLocaleString('zh-CN'));
  await screenshot(page, 'assignment-moves');
  await confirm.getByRole('button', { name: '仍要转走' }).click();
  await expect(result.getByRole('row', { name: /^合计 / })).toContainText(liuYang.toLocaleString('zh-CN'));
  expect(await resultCases(result, '张伟')).toBe(liuYang);
  await expect(preview).toHaveText('没有符合条件的案件。');

  // and it can be undone: 刘洋 has his cases back
  const last = page.getByRole('alert', { name: '撤销上次分配' });
  await expect(last).toContainText(`分配了 ${liuYang.toLocaleString('zh-CN')} 件案件`);
  await last.getByRole('button', { name: '撤销上次分配' }).click();
  await expect(page.getByText(`已撤销分配：${liuYang.toLocaleString('zh-CN')} 件案件已回到原催收员。`)).toBeVisible();
  await expect(preview).toHaveText(new RegExp(`^已选 ${liuYang.toLocaleString('zh-CN')} 件案件`));
  // the assignment before it is not offered: only the last one can be undone
  await expect(last).toBeHidden();
});

test('approvals: a needs-admin waiver is refused to the lead in a sentence, plans are rejected and approved with a reason, the admin approves the waiver', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await completeFirstRun(page, { demo: true });
  await signOutZh(page);
  const caseNo = await requestBigWaiver(page, host.url);
  await signInZh(page, 'lead', ADMIN.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '审批' }).click();
  await expect(page.getByRole('heading', { name: '审批' })).toBeVisible();

  const table = page.getByRole('table', { name: '还款计划申请' });
  const waiverRow = table.getByRole('row').filter({ hasText: caseNo });
  await expect(waiverRow).toContainText('减免结清');
  await expect(waiverRow).toContainText('60,000.00');
  await expect(waiverRow).toContainText('需管理员审批');
  await expect(waiverRow).toContainText('张伟');

  // The lead tries to approve it: a reason is required, then the core refuses, in words.
  await waiverRow.getByRole('button', { name: `批准案件 ${caseNo} 的申请` }).click();
  const dialog = page.getByRole('dialog', { name: '批准还款计划' });
  await expect(dialog).toContainText('减免金额超过委托方设定的上限，只有管理员可以批准。');
  await dialog.getByRole('button', { name: '确认批准' }).click();
  await expect(dialog.getByText('请填写理由（至少 2 个字）。')).toBeVisible();
  await dialog.getByRole('textbox', { name: '理由' }).fill('债务人失业，同意一次性减免');
  await dialog.getByRole('button', { name: '确认批准' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('未能批准：减免金额超过委托方设定的上限，需要由管理员审批。你可以拒绝此申请，或请管理员处理。');
  await screenshot(page, 'approvals-refused');
  await dialog.getByRole('button', { name: '取消' }).click();

  // A demo installment plan rejected, another approved.
  const requested = table.getByRole('row').filter({ hasText: '分期' }).filter({ hasText: '待审批' });
  const rejectNo = (await requested.first().getByRole('cell').first().locator('.mono').textContent()) ?? '';
  await requested.first().getByRole('button', { name: '拒绝' }).click();
  const reject = page.getByRole('dialog', { name: '拒绝还款计划' });
  await reject.getByRole('textbox', { name: '理由' }).fill('收入证明不足，请补充材料');
  await reject.getByRole('button', { name: '确认拒绝' }).click();
  await expect(page.getByText(`已拒绝案件 ${rejectNo} 的还款计划。`)).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: rejectNo })).toHaveCount(0); // it left the requested list

  const approveNo = (await requested.first().getByRole('cell').first().locator('.mono').textContent()) ?? '';
  await requested.first().getByRole('button', { name: '批准' }).click();
  const approve = page.getByRole('dialog', { name: '批准还款计划' });
  await approve.getByRole('textbox', { name: '理由' }).fill('分期金额合理');
  await approve.getByRole('button', { name: '确认批准' }).click();
  await expect(page.getByText(`已批准案件 ${approveNo} 的还款计划。`)).toBeVisible();

  await page.getByRole('button', { name: /^已拒绝/ }).click();
  await expect(table.getByRole('row').filter({ hasText: rejectNo })).toContainText('王组长：收入证明不足，请补充材料');
  await page.getByRole('button', { name: /^待审批/ }).click();
  await expect(page.getByText(/\blead\.[a-z]/)).toHaveCount(0);
  await screenshot(page, 'approvals');

  // The admin may approve the waiver.
  await signOutZh(page);
  await signInZh(page, ADMIN.name, ADMIN.password);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '审批' }).click();
  await table.getByRole('row').filter({ hasText: caseNo }).getByRole('button', { name: '批准' }).click();
  await approve.getByRole('textbox', { name: '理由' }).fill('已报委托方，同意减免');
  await approve.getByRole('button', { name: '确认批准' }).click();
  await expect(page.getByText(`已批准案件 ${caseNo} 的还款计划。`)).toBeVisible();
  await page.getByRole('button', { name: /^已批准/ }).click();
  await expect(table.getByRole('row').filter({ hasText: caseNo })).toContainText('王经理：已报委托方，同意减免');
});

test('in English: the dashboard by stage with a drill-down, and a plan rejected', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await completeFirstRun(page, { demo: true });
  await signOutZh(page);
  await page.getByRole('button', { name: '界面语言' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await field(page, 'User name').fill('lead');
  await field(page, 'Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });

  await nav.getByRole('button', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Recovery rate \(amount\) \d+\.\d%: show the cases$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^PTP kept \(count\) \d+\.\d%: show the cases$/ })).toBeVisible();
  await expect(page.getByText(/^Whole placement term: \d{1,2} [A-Z][a-z]{2} \d{4} to \d{1,2} [A-Z][a-z]{2} \d{4}$/)).toBeVisible();
  const groups = page.getByRole('region', { name: 'Comparison by group' });
  await groups.getByRole('tab', { name: 'By stage' }).click();
  const table = groups.getByRole('table', { name: 'By stage' });
  await expect(table.getByRole('row', { name: /^M7\+ / })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Recovery rate by stage' })).toBeVisible();
  await expect(page.getByText(/\blead\.[a-z]/)).toHaveCount(0);
  await page.setViewportSize({ width: 1440, height: 1480 });
  await screenshot(page, 'dashboard-en');
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.getByRole('button', { name: 'See broken promises' }).click();
  const drill = page.getByRole('dialog', { name: /^Cases: / });
  await expect(drill).toContainText('Cases with a broken or partly kept promise');
  await expect(drill.getByRole('columnheader', { name: 'Case no.' })).toBeVisible();
  await drill.getByRole('button', { name: 'Close' }).click();

  await nav.getByRole('button', { name: 'Approvals' }).click();
  const plans = page.getByRole('table', { name: 'Plan requests' });
  const first = plans.getByRole('row').filter({ has: page.getByRole('button', { name: 'Reject' }) }).first();
  const caseNo = (await first.getByRole('cell').first().locator('.mono').textContent()) ?? '';
  await first.getByRole('button', { name: 'Reject' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reject the plan' });
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Income not verified');
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByText(`The plan on case ${caseNo} is rejected.`)).toBeVisible();
  await expect(page.getByText(/\blead\.[a-z]/)).toHaveCount(0);
  await screenshot(page, 'approvals-en');
});
