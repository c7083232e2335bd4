/**
 * Browser test of the reminders page: a person reaches it from the menu, sees what is due soon, chooses e-mail
 * reminders (a bad address is named and kept), and the page passes axe; it works without JavaScript.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs } from './helpers.js';

test('a person chooses e-mail reminders for the groups they want; a bad address is named in Danish', async ({ page }) => {
  await loginAs(page, 'demo-laeser');
  await page.goto('/');
  await page.getByRole('link', { name: 'Påmindelser' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Påmindelser' })).toBeVisible();
  await expect(page.getByText('Ramme sender ikke e-mail her')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('E-mailadresse').fill('lise@naestved');
  await page.getByRole('button', { name: 'Gem valg' }).click();
  await expect(page.getByRole('alert').or(page.locator('.alert-error')).first()).toContainText('Skriv en gyldig e-mailadresse');
  await expect(page.getByLabel('E-mailadresse')).toHaveValue('lise@naestved');
  await expectAccessible(page);
  await page.getByLabel('E-mailadresse').fill('lise@naestved.example');
  await page.getByLabel('Antal dage før fristen').fill('14');
  await page.getByRole('button', { name: 'Gem valg' }).click();
  await expect(page.getByText('Dine valg er gemt')).toBeVisible();
  await expect(page.getByLabel('E-mailadresse')).toHaveValue('lise@naestved.example');
  await expect(page.getByLabel('Antal dage før fristen')).toHaveValue('14');
  await expect(page.getByRole('heading', { name: 'Frister inden for 14 dage' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the reminders form saves as a plain form', async ({ page }) => {
    await loginAs(page, 'demo-myndighed');
    await page.goto('/profil/paamindelser');
    await page.getByLabel('E-mailadresse').fill('mads@holbaek.example');
    await page.getByRole('button', { name: 'Gem valg' }).click();
    await expect(page.getByText('Dine valg er gemt')).toBeVisible();
  });
});
