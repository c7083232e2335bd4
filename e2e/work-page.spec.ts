/**
 * Browser tests for the front page as a work page per role: what is due for me, nearest deadline first, each item
 * a link that opens; a visitor sees the way in, not a work list.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs } from './helpers.js';

test('the region’s front page (tariffs no other browser test submits) lists its tariffs to submit with the deadline, and each opens', async ({ page }) => {
  await loginAs(page, 'demo-region');
  await page.goto('/');
  const work = page.getByRole('region', { name: 'Det venter på dig' });
  await expect(work.getByRole('heading', { name: /^Takster \d{4} at indsende \(\d+\)$/ })).toBeVisible();
  await expect(work.locator('li').first()).toContainText(/Frist \d+\. [a-zæøå]+ \d{4}/);
  await expectAccessible(page);
  await work
    .getByRole('link', { name: /^Indsend takst \d{4}: / })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.title()).not.toMatch(/fejl|findes ikke|adgang/i);
});

test('the secretariat’s front page lists the tariffs to approve', async ({ page }) => {
  await loginAs(page, 'demo-sekretariat');
  await page.goto('/');
  const work = page.getByRole('region', { name: 'Det venter på dig' });
  await expect(work.getByRole('heading', { name: /^Takster at godkende \(\d+\)$/ })).toBeVisible();
  await expectAccessible(page);
});

test('a visitor sees no work list', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Det venter på dig' })).toHaveCount(0);
  await expectAccessible(page);
});
