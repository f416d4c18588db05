import { expect, test } from './fixtures';
import { dateField, typeDate } from './dates';
import { dataRows, queueGrid, SEED_WORKBENCH, signInCollector, TEN_AM_SHANGHAI } from './workbench-flows';

test.describe('at 10:00 in Shanghai', () => {
  test.use({ hostEnv: { COLLECTDESK_NOW: TEN_AM_SHANGHAI }, prepareData: SEED_WORKBENCH, timezoneId: 'Asia/Shanghai' });

  test('ending a call records the attempt (未接通 by default) and moves the number’s counter', async ({ page, host }) => {
    await signInCollector(page, host.url);
    await expect(dataRows(queueGrid(page)).first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    const self = page.getByTestId('contact-self').first();
    await expect(self).toContainText('0 / 0');
    await page.getByRole('button', { name: '拨打本人的电话' }).first().click();
    await page.getByRole('region', { name: '拨号前检查' }).getByRole('button', { name: '开始通话' }).click();
    await page.getByTestId('active-call').getByRole('button', { name: '结束' }).click();

    const dialog = page.getByRole('dialog', { name: '结束通话：这次拨打的结果' });
    await expect(dialog.getByRole('radio', { name: '无人接听' })).toBeChecked();
    await dialog.getByRole('button', { name: '保存并结束' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('active-call')).toBeHidden();
    await expect(page.getByTestId('timeline-row').first()).toContainText('无人接听');

    await expect(page.getByTestId('contact-self').first()).toContainText('1 / 0');
  });

  test('during a call a relative who refuses contact is marked, and the gate then blocks their number (CN-3P); a number learned is added', async ({ page, host }) => {
    await signInCollector(page, host.url);
    await expect(dataRows(queueGrid(page)).first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '拨打本人的电话' }).first().click();
    await page.getByRole('region', { name: '拨号前检查' }).getByRole('button', { name: '开始通话' }).click();
    await expect(page.getByTestId('active-call')).toBeVisible();

    // A number learned on the call: added, masked, marked as from a call.
    await page.getByRole('button', { name: '添加联系人/号码' }).click();
    const add = page.getByRole('dialog', { name: '添加通话中获得的联系人或号码' });
    await add.getByRole('textbox', { name: '姓名' }).fill('王同事');
    await add.getByRole('textbox', { name: '电话' }).fill('13800138000');
    await add.getByRole('button', { name: '添加联系人/号码' }).click();
    await expect(add).toBeHidden();
    const learned = page.getByRole('row', { name: /王同事/ });
    await expect(learned).toContainText('138****8000');
    await expect(learned.getByTestId('learned-on-call')).toBeVisible();

    // The relative refuses contact: marked during the call; the call still ends normally.
    const relative = page.getByRole('button', { name: /^标记(配偶|父母|子女|兄弟姐妹)的号码$/ }).first();
    const who = ((await relative.getAttribute('aria-label')) ?? '').replace(/^标记|的号码$/g, '');
    await relative.click();
    await page.getByRole('menuitem', { name: '标记为拒绝联系…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认：拒绝联系' }).click();
    await expect(page.getByTestId(/^contact-(spouse|parent|child|sibling)$/).filter({ hasText: '拒绝联系' }).first()).toBeVisible();
    await page.getByTestId('active-call').getByRole('button', { name: '结束' }).click();
    await page.getByRole('dialog', { name: '结束通话：这次拨打的结果' }).getByRole('button', { name: '保存并结束' }).click();
    await expect(page.getByTestId('active-call')).toBeHidden();

    await page.getByRole('button', { name: `拨打${who}的电话` }).first().click();
    const gate = page.getByRole('region', { name: '拨号前检查' });
    await expect(gate.getByTestId('verdict-CN-3P').first()).toHaveAttribute('data-kind', 'block');
    await expect(gate.getByRole('button', { name: '开始通话' })).toBeDisabled();
  });
  test('the party chosen before dialling drives the script: third-party mode before 开始通话', async ({ page, host }) => {
    await signInCollector(page, host.url);
    await expect(dataRows(queueGrid(page)).first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    const script = page.getByRole('region', { name: '话术' });
    await expect(script).toContainText('请问是');
    await page.getByRole('button', { name: /^拨打(配偶|父母|子女|兄弟姐妹)的电话$/ }).first().click();
    await expect(page.getByRole('region', { name: '拨号前检查' })).toBeVisible();
    await expect(script.getByText('第三方模式：话术与左侧案件信息均已隐藏金额和债务细节。')).toBeVisible();
    await expect(script).not.toContainText(/\d,\d{3}\.\d{2}/);
    await expect(page.getByTestId('fact-balance').getByTestId('amount-hidden')).toBeVisible();
    // Cancelled: back to the debtor's script.
    await page.getByRole('region', { name: '拨号前检查' }).getByRole('button', { name: '取消' }).click();
    await expect(script.getByText('第三方模式：话术与左侧案件信息均已隐藏金额和债务细节。')).toBeHidden();
  });
  test('a next action outside the debtor’s calling hours is warned, on the field and when saved', async ({ page, host }) => {
    await signInCollector(page, host.url);
    await expect(dataRows(queueGrid(page)).first()).toHaveAttribute('aria-selected', 'true');
    await expect(dataRows(queueGrid(page)).first().getByTestId('window-open')).toBeVisible();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '拨打本人的电话' }).first().click();
    await page.getByRole('region', { name: '拨号前检查' }).getByRole('button', { name: '开始通话' }).click();
    await page.getByRole('combobox', { name: '结果' }).click();
    await page.getByRole('option', { name: '无人接听' }).click();
    await typeDate(dateField(page, '下次跟进时间'), '2026-11-25T22:30');
    const warning = '注意：该时间是债务人当地22:30，不在可拨打时段（08:00–22:00），届时不能拨打。';
    await expect(page.getByText(warning)).toBeVisible();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText(`催收结果已保存。 ${warning}`)).toBeVisible();
  });
});
