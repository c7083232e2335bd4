/**
 * Browser tests of what a case worker reads on the list and an offering's page: the published tariff of the
 * year, labels kept apart from their values, one date format, and no developer links.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs } from './helpers.js';

test.use({ viewport: { width: 1280, height: 900 } });

test('the list and the offering page show the published tariff of the year; the page reads cleanly for a case worker', async ({ page }) => {
  await loginAs(page, 'demo-myndighed');
  await page.goto('/tilbud?pageSize=500');
  const header = page.getByRole('columnheader', { name: /^Takst \d{4}$/ });
  await expect(header).toBeVisible();
  const year = (await header.textContent())!.replace('Takst ', '').trim();
  const withTariff = page.locator('tbody tr').filter({ has: page.locator('td', { hasText: /kr\./ }) });
  expect(await withTariff.count()).toBeGreaterThan(0);
  const row = withTariff.first();
  const price = (await row.locator('td', { hasText: /kr\./ }).textContent())!.match(/[\d.]+,\d{2} kr\./)![0];
  await row.getByRole('link').first().click();

  await expect(page.getByRole('heading', { name: `Takst ${year}` })).toBeVisible();
  await expect(page.locator('dd', { hasText: price }).first()).toBeVisible();
  await expect(page.getByText('Gennemsnitlig takst')).toBeVisible();

  // Every label ends before its value begins.
  const overlaps = await page.locator('.ramme-dl dt').evaluateAll((dts) =>
    dts.flatMap((dt) => {
      const dd = dt.nextElementSibling as HTMLElement;
      const range = document.createRange();
      range.selectNodeContents(dt);
      return range.getBoundingClientRect().right > dd.getBoundingClientRect().left ? [dt.textContent] : [];
    }),
  );
  expect(overlaps).toEqual([]);

  // Dates in one format (day, full month name, year), never abbreviated months.
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text.match(/\d{1,2}\. [a-zæøå]{3}\. \d{4}/g) ?? []).toEqual([]);
  expect(text).toMatch(/\d{1,2}\. (januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) \d{4}/);

  // A case worker is not offered the developer's JSON view.
  await expect(page.getByRole('link', { name: /JSON/ })).toHaveCount(0);
  await expectAccessible(page);
});
