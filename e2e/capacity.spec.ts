/**
 * Browser test for the capacity analysis: the secretariat opens Sjælland's capacity picture and the rows behind a
 * number; a municipality fills in its redegørelse (a refused score first) and sees it compiled. axe on every page.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs, watchConsole } from './helpers.js';

test('the secretariat reads the capacity picture and the rows behind a number', async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, 'demo-sekretariat');
  await page.goto('/analyse/kapacitet?area=sjaelland');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kapacitet');
  await expect(page.locator('svg[role="img"]').first()).toBeVisible();
  await expectAccessible(page);
  await page.locator('#kapacitet tbody tr').first().locator('a').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rækkerne bag tallet');
  await expectAccessible(page);
  await page.goto('/analyse/kapacitet/rapport?area=sjaelland');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kapacitetsanalyse');
  await expectAccessible(page);
  await page.goto('/analyse/prognose?group=voksne-botilbud&area=sjaelland');
  await expect(page.locator('main')).toContainText('Lager og strøm fra kontrakterne i Ramme');
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('a municipality fills in its redegørelse and sees it compiled', async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, 'demo-myndighed');
  await page.goto('/analyse/redegoerelse');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Redegørelser');
  await expectAccessible(page);
  await page.getByRole('link', { name: /Udfyld eller ret din kommunes redegørelse/ }).click();
  await page.getByRole('button', { name: 'Gem redegørelsen' }).click();
  await expect(page.getByRole('alert')).toContainText('Vælg en vurdering fra 1 til 5');
  await expectAccessible(page);
  for (const select of await page.getByLabel('Vurdering').all()) await select.selectOption('3');
  await page.getByLabel('Bemærkning').first().fill('Vi mangler pladser til unge med autisme.');
  await page.getByRole('button', { name: 'Gem redegørelsen' }).click();
  await expect(page.locator('main')).toContainText('Redegørelsen er gemt.');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Redegørelser', exact: true }).click();
  await expect(page.locator('main')).toContainText('Vi mangler pladser til unge med autisme.');
  expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
});
