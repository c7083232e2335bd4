/**
 * Browser tests for the tariff overview as a price list: at 1280 px every column is in view and names wrap
 * between words; a case worker searches by name, filters by municipality, legal basis, target group and offering
 * type and sorts by price, with the municipality grouping kept; at 360 px each offering reads as a card.
 */
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expectAccessible } from './helpers.js';

const YEAR = new Date().getFullYear();
const OVERVIEW = `/takster/oversigt/sjaelland/${YEAR}`;

/** The average tariff of a price cell: the only amount, or the one marked "gennemsnit" when there are levels. */
const amountOf = (text: string) =>
  Number(((/gennemsnit ([\d.]+,\d+) kr\./.exec(text) ?? /([\d.]+,\d+) kr\./.exec(text))?.[1] ?? '0').replace(/\./g, '').replace(',', '.'));

async function noHorizontalScroll(page: Page) {
  const overflow = await page.locator('main .ramme-table-wrap').evaluateAll((ws) => ws.filter((w) => w.scrollWidth > w.clientWidth + 1).length);
  expect(overflow).toBe(0);
}

test('at 1280 px every column of every municipality is in view, and offering names keep whole words', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(OVERVIEW);
  await noHorizontalScroll(page);
  for (const header of await page.getByRole('columnheader', { name: 'Markeringer' }).all()) {
    const box = (await header.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
  }
  // The name column is wide enough for a word such as "Bofællesskabet": at least 12 characters.
  const nameCell = page.locator('main table tbody tr td').first();
  expect((await nameCell.boundingBox())!.width).toBeGreaterThan(180);
  await expectAccessible(page);
});

test('a case worker searches by name and filters by municipality, legal basis, target group and offering type', async ({ page }) => {
  await page.goto(OVERVIEW);
  const all = await page.locator('main table tbody tr').count();
  const firstName = (await page.locator('main table tbody tr td a').first().textContent())!.trim();
  const word = firstName.split(' ').at(-1)!;
  await page.getByLabel('Søg efter tilbud').fill(word.toLowerCase());
  await page.getByRole('button', { name: 'Vis takster' }).click();
  const found = page.locator('main table tbody tr');
  expect(await found.count()).toBeLessThan(all);
  for (const row of await found.all()) await expect(row).toContainText(new RegExp(word, 'i'));
  await expect(page.getByLabel('Søg efter tilbud')).toHaveValue(word.toLowerCase());
  await expectAccessible(page);

  await page.goto(OVERVIEW);
  await page.getByLabel('Kommune', { exact: true }).selectOption('Holbæk');
  await page.getByRole('button', { name: 'Vis takster' }).click();
  await expect(page.locator('main h2[id^="kommune-"]')).toHaveText(['Holbæk']);

  await page.goto(OVERVIEW);
  await page.getByLabel('Lovgrundlag', { exact: true }).selectOption({ index: 1 });
  const basis = (await page.getByLabel('Lovgrundlag', { exact: true }).locator('option:checked').textContent())!;
  await page.getByLabel('Målgruppe', { exact: true }).selectOption({ index: 1 });
  const group = (await page.getByLabel('Målgruppe', { exact: true }).locator('option:checked').textContent())!;
  await page.getByRole('button', { name: 'Vis takster' }).click();
  const rows = page.locator('main table tbody tr');
  const n = await rows.count();
  if (n === 0) await expect(page.getByText('Ingen takster matcher søgningen.')).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row).toContainText(basis);
    await expect(row).toContainText(group);
  }

  await page.goto(OVERVIEW);
  await page.getByLabel('Tilbudstype', { exact: true }).selectOption('Botilbud');
  await page.getByRole('button', { name: 'Vis takster' }).click();
  for (const row of await page.locator('main table tbody tr').all()) await expect(row.locator('td').first()).toContainText('Botilbud ·');
});

test('sorting by price orders the tariffs within each municipality, which stay grouped', async ({ page }) => {
  await page.goto(`${OVERVIEW}?kommune=Holb%C3%A6k`);
  await page.getByLabel('Sortér inden for hver kommune').selectOption('pris-faldende');
  await page.getByRole('button', { name: 'Vis takster' }).click();
  await expect(page.locator('main h2[id^="kommune-"]')).toHaveText(['Holbæk']);
  const prices = (await page.locator('main table tbody tr td[data-label="Takst"]').allTextContents()).map(amountOf);
  expect(prices.length).toBeGreaterThan(3);
  expect(prices).toEqual([...prices].sort((a, b) => b - a));
  await page.getByLabel('Sortér inden for hver kommune').selectOption('pris-stigende');
  await page.getByRole('button', { name: 'Vis takster' }).click();
  const up = (await page.locator('main table tbody tr td[data-label="Takst"]').allTextContents()).map(amountOf);
  expect(up).toEqual([...up].sort((a, b) => a - b));
});

test.describe('on a 360 px wide screen', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('each offering reads as a card with its price, and nothing is cut off', async ({ page }) => {
    await page.goto(OVERVIEW);
    await noHorizontalScroll(page);
    const row = page.locator('main table tbody tr').first();
    for (const cell of await row.locator('td').all()) {
      if (!(await cell.isVisible())) continue;
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    await expect(row.locator('td[data-label="Real ændring"]')).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe('a calculation page on a 360 px wide screen', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('keeps each level’s tariff in view and shows occupied units with at most two decimals', async ({ page }) => {
    await page.goto(OVERVIEW);
    await page.locator('main table tbody tr').filter({ hasText: 'Niveau 2:' }).first().getByRole('link').first().click();
    const levels = page.getByRole('table', { name: new RegExp(`takst ${YEAR}$`) });
    await expect(levels).toBeVisible();
    for (const cell of await levels.locator('tbody tr td:nth-of-type(1)').all()) {
      await expect(cell).toContainText('kr.');
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    const occupied = page
      .getByRole('table', { name: 'Beregningen trin for trin' })
      .locator('tr')
      .filter({ hasText: 'Belagte enheder (kapacitet' })
      .first()
      .locator('td');
    await expect(occupied).toHaveText(/^[\d.]+(,\d{1,2})?$/);
    await expectAccessible(page);
  });
});

test('the overview’s CSV carries Danish labels and percentages with two decimals', async ({ page }) => {
  const csv = await page.request.get(`${OVERVIEW}/eksport.csv`);
  expect(csv.status()).toBe(200);
  const [header, ...lines] = parse((await csv.text()).replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: true }) as string[][];
  const columns = header!;
  const cells = (name: string) => lines.map((l) => l[columns.indexOf(name)]!);
  for (const name of ['Anvendt belægning %', 'Nominel ændring %', 'Real ændring %'])
    for (const v of cells(name)) expect(v, name).toMatch(/^(-?\d+(,\d{1,2})?)?$/);
  expect(new Set(cells('Status'))).toEqual(new Set(['Offentliggjort']));
  expect(cells('Driftsform')).not.toContain('kommunal');
});
