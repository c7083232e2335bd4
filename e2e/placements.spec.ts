/**
 * Browser tests for placements: every placement page passes axe; the flow — a case worker searches (public
 * offerings with a free place first), reserves a place in one of Holbæk's own offerings, the operator confirms
 * it and confirms its vacancy report with one click; the secretariat reads the stale reports per operator.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, loginAs, watchConsole } from './helpers.js';

const logout = async (page: Page) => {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByRole('link', { name: 'Log ind' }).first()).toBeVisible();
};

test('a case worker searches and reserves a public place; the operator confirms it', async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, 'demo-myndighed');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Pladser' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pladser');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Søg en plads til en borger' }).click();
  await expectAccessible(page);
  await page.getByRole('group', { name: 'Kommuner' }).getByLabel('Holbæk Kommune', { exact: true }).check();
  await page.getByLabel('Kun tilbud med en ledig plads nu eller senest på startdatoen').check();
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  await expect(page.getByRole('heading', { name: /fundet$/ })).toBeVisible();
  await expect(page.getByText(/egnede? offentlige? tilbud med ledig plads/).first()).toBeVisible();
  await expectAccessible(page);

  const row = page
    .getByRole('table', { name: 'Tilbud, der matcher søgningen' })
    .locator('tbody tr')
    .filter({ hasText: 'Offentligt tilbud med ledig plads' })
    .filter({ hasText: 'Holbæk Kommune' })
    .first();
  const offeringName = (await row.locator('td').first().getByRole('link').textContent())!.trim();
  await row.getByRole('link', { name: /Reservér/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(offeringName);
  await expectAccessible(page);

  // A CPR number is refused on the field and not shown again.
  await page.getByLabel('Sagsnummer').fill('010190-1234');
  await page.getByRole('button', { name: 'Reservér plads' }).click();
  await expect(page.getByRole('alert')).toContainText('CPR-nummer');
  await expect(page.getByLabel('Sagsnummer')).toHaveValue('');
  await expectAccessible(page);

  await page.getByLabel('Sagsnummer').fill('HOL-E2E-0001');
  await page.getByRole('button', { name: 'Reservér plads' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reservation HOL-E2E-0001');
  await expect(page.locator('main')).toContainText('Afventer leverandøren');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Reservationer' }).last().click();
  await expect(page.getByRole('link', { name: 'HOL-E2E-0001' })).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  await loginAs(page, 'demo-tilbudsoekonomi');
  await page.goto('/pladser/reservationer');
  await page.getByRole('link', { name: 'HOL-E2E-0001' }).click();
  await page.getByRole('button', { name: 'Bekræft reservationen' }).click();
  await expect(page.locator('main')).toContainText('Bekræftet');
  await expectAccessible(page);

  await page.goto('/pladser');
  await expectAccessible(page);
  await page.getByRole('link', { name: `Meld pladser for ${offeringName}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ledige pladser: ${offeringName}`);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Ingen ændringer – bekræft meldingen' }).click();
  await expect(page.getByText('Pladsmeldingen er bekræftet uden ændringer.')).toBeVisible();
  await expect(page.locator('main')).toContainText('opdateret i dag');
  // The refused CPR number is answered 400 on purpose; nothing else may fail.
  expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
});

test('the secretariat reads the stale reports per operator', async ({ page }) => {
  await loginAs(page, 'demo-sekretariat');
  await page.goto('/pladser');
  await page.getByRole('link', { name: 'Forældede pladsmeldinger pr. driftsherre' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forældede pladsmeldinger');
  await expect(page.locator('main')).toContainText('(forældet)');
  await expectAccessible(page);
});
