import { expect, test } from './fixtures';
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

    await page.getByRole('tab', { name: /^联系人/ }).click();
    await expect(page.getByTestId('contact-self').first()).toContainText('1 / 0');
  });
});
