/**
 * Browser tests for analysis: every analysis page passes axe — the overview, benchmarks with their source rows,
 * "why does spending grow?" with its waterfall, the forecast with a what-if, and the data page with the
 * secretariat's import form and a refused file's row report.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs, watchConsole } from './helpers.js';

test('a reader walks the analysis pages: benchmark, source rows, growth and forecast', async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, 'demo-laeser');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Analyse' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Analyse');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Benchmark', exact: true }).first().click();
  await expect(page.getByRole('table').first()).toContainText('Hele landet');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Kilderækker' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kilderækker');
  await expect(page.locator('main')).toContainText('REGK31');
  await expectAccessible(page);

  await page.goto('/analyse/vaekst?group=voksne-botilbud&area=sjaelland');
  await expect(page.locator('svg[role="img"]').first()).toBeVisible();
  await expectAccessible(page);

  await page.goto('/analyse/prognose');
  await page.getByLabel('Hvad nu hvis: andelen ændres med (%)').fill('10');
  await page.getByRole('button', { name: 'Beregn' }).click();
  await expect(page.locator('main')).toContainText('andelen ændret med 10,0 %');
  await expectAccessible(page);
  await page.getByLabel('Hvad nu hvis: andelen ændres med (%)').fill('mange');
  await page.getByRole('button', { name: 'Beregn' }).click();
  await expect(page.getByRole('alert')).toContainText('Ændring af andelen');
  await expectAccessible(page);
  expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
});

test('the secretariat sees the import form and a refused file’s row report', async ({ page }) => {
  await loginAs(page, 'demo-sekretariat');
  await page.goto('/analyse/data');
  await expect(page.getByRole('heading', { name: 'Indlæs fra Statistikbanken' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Tabel').fill('FOLK1A');
  await page
    .getByLabel(/^Fil/)
    .setInputFiles({ name: 'folk1a.csv', mimeType: 'text/csv', buffer: Buffer.from('OMRÅDE;KØN;ALDER;TID;INDHOLD\nAtlantis;I alt;30 år;2025K1;12\n') });
  await page.getByRole('button', { name: 'Indlæs' }).click();
  await expect(page.getByRole('table', { name: 'Fejl pr. linje i filen' })).toContainText('Ukendt kommune "Atlantis"');
  await expectAccessible(page);
});
