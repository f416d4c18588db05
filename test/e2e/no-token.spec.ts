import { expect, test } from './fixtures';

test('without the token the app says where to find the right address', async ({ page, host }) => {
  const bare = host.url.replace(/#token=.*$/, '');
  await page.goto(bare);
  await expect(page.getByText('无法连接到 CollectDesk')).toBeVisible();
  await expect(page.getByText('#token=')).toBeVisible();
});
