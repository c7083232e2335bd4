/**
 * Browser tests for settlement: the statement list and one statement pass axe; the seller makes last month's
 * drafts, opens a statement, sends it, and downloads the electronic invoice from its link (the file is a UBL
 * invoice with the buyer's EAN as receiver); the buyer sees the statement too; the secretariat reads the trade matrix.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs, watchConsole } from './helpers.js';

test('the seller makes drafts, sends a statement and downloads its invoice; the pages pass axe', async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, 'demo-tilbudsoekonomi');
  await page.goto('/afregning');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Afregning');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Dan kladder' }).click();
  await expect(page.locator('main')).toContainText('er dannet');
  const rows = page.getByRole('table', { name: /Afregninger/ }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expectAccessible(page);
  // A statement with no problem lines, so that it can be sent.
  const clean = rows.filter({ has: page.locator('td:nth-child(6)', { hasText: /^0$/ }) });
  const row = (await clean.count()) > 0 ? clean.first() : rows.first();
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Afregning');
  await expect(page.getByRole('link', { name: 'Hent afregningen som Excel' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: /Send afregningen til/ }).click();
  await expect(page.locator('main')).toContainText('Afregningen er sendt');
  await expectAccessible(page);

  const link = page.getByRole('link', { name: /Hent elektronisk faktura/ });
  const href = (await link.getAttribute('href'))!;
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^application\/xml/);
  const xml = await res.text();
  expect(xml).toContain('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"');
  expect(xml).toContain('<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>');
  expect(xml).toMatch(/<cac:AccountingCustomerParty><cac:Party><cbc:EndpointID schemeID="0088">\d{13}<\/cbc:EndpointID>/);
  const download = page.waitForEvent('download');
  await link.click();
  expect((await download).suggestedFilename()).toMatch(/^afregning-\d{4}-\d{2}-\d+\.xml$/);
  expect(errors).toEqual([]);
});

test('the case worker opens the follow-up work list, records a follow-up and sees the progression; the pages pass axe', async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, 'demo-naestved');
  await page.goto('/opfoelgning');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Opfølgning');
  await expect(page.locator('main')).toContainText('Holdt til tiden');
  await expectAccessible(page);

  const table = page.getByRole('table', { name: /Forfaldne og kommende opfølgninger/ });
  await table.locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Opfølgning på kontrakt');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Registrér opfølgningen' }).click();
  await expect(page.locator('.form-error-message, .alert-error').first()).toBeVisible();
  await expectAccessible(page);
  // The refused form answers 400 on purpose; the browser logs that as a failed resource.
  errors.splice(0, errors.length, ...errors.filter((e) => !e.includes('status of 400')));

  await page.getByLabel('Leverandørens statusrapport').fill('Borgeren deltager i dagtilbuddet tre dage om ugen og handler selv ind.');
  await page.getByLabel('Funktionsniveau').selectOption('3');
  await page.getByLabel('Note').fill('Støtten kan trappes ned ved næste opfølgning.');
  await page.getByRole('button', { name: 'Registrér opfølgningen' }).click();
  await expect(page.locator('main')).toContainText('Opfølgningen er registreret');
  await expect(page.getByRole('table', { name: /funktionsniveau ved hver opfølgning/ })).toContainText('Moderate begrænsninger');
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('the buyer disputes a line of a sent statement from its page; the page passes axe', async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, 'demo-region');
  await page.goto('/afregning');
  await page.getByRole('button', { name: 'Dan kladder' }).click();
  await page
    .getByRole('link', { name: /salg til Næstved Kommune/ })
    .first()
    .click();
  await page.getByRole('button', { name: /Send afregningen til/ }).click();
  await expect(page.locator('main')).toContainText('Afregningen er sendt');
  const url = page.url().replace(/\?.*$/, '');
  await page.getByRole('button', { name: 'Log ud' }).click();

  await loginAs(page, 'demo-naestved');
  await page.goto(url);
  await expect(page.getByRole('button', { name: 'Godkend afregningen' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Begrundelse').fill('Borgeren flyttede før månedens udgang.');
  await page.getByRole('button', { name: 'Bestrid linjen' }).click();
  await expect(page.locator('main')).toContainText('Linjen er bestridt');
  await expect(page.locator('main')).toContainText('Bestridt: Borgeren flyttede før månedens udgang.');
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('the secretariat reads the trade matrix, its chart and table, and opens a cell; the pages pass axe', async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, 'demo-sekretariat');
  await page.goto('/samhandel');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Samhandel i');
  await expect(page.getByRole('img', { name: /Søjlediagram/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Fordeling af hver kommunes køb/ })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole('table', { name: /køber \(rækker\) × sælger/ })
    .locator('tbody a')
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('køber af');
  await expect(page.getByRole('table', { name: /Linjerne på de sendte afregninger|Godkendte kontrakter/ })).toBeVisible();
  await expectAccessible(page);
  expect(errors).toEqual([]);
});
