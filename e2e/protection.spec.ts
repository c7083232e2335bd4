/**
 * Browser tests for the protected offerings' watch: the list, the watch page (occupancy chart with the table beside
 * it, a month opening to its contracts), the trigger rules and the dialogue case pass axe. The secretariat records the
 * next step of Sjælland's demo dialogue case, and a form error is shown accessibly.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs, watchConsole } from './helpers.js';

test('the secretariat follows a protected offering from the list to its dialogue case and records a step', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchConsole(page);
  await loginAs(page, 'demo-sekretariat');
  await page.goto('/samarbejde');
  await page.getByRole('link', { name: 'Beskyttede tilbud' }).click();
  await page.getByLabel('Rammeaftaleområde').selectOption('sjaelland');
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beskyttede tilbud i Rammeaftale Sjælland');
  await expect(page.getByRole('table', { name: 'Beskyttede tilbud og udløsere i dag' })).toBeVisible();
  await expect(page.getByText(/Belægningen har været under 80,0 % i 3 måneder i træk/).first()).toBeVisible();
  await expectAccessible(page);

  await page.goto('/samarbejde/dialogsager?area=sjaelland');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dialogsager om beskyttede tilbud i Rammeaftale Sjælland');
  await expectAccessible(page);
  await page.getByRole('table', { name: 'Dialogsager' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Fælles dialog:');
  await expect(page.getByText('Varsel til sekretariatet')).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(/^Udført den/).fill('');
  await page.getByRole('button', { name: 'Registrér trinnet' }).click();
  await expect(page.getByRole('alert')).toContainText('Udført den');
  await expectAccessible(page);
  await page.getByLabel(/^Udført den/).fill('2026-11-30');
  await page.getByLabel('Bemærkning').fill('Dialogmøde med kommunerne holdt.');
  await page.getByRole('button', { name: 'Registrér trinnet' }).click();
  await expect(page.getByText('Trinnet er registreret.')).toBeVisible();
  await expect(page.getByText(/Dialogmøde med kommunerne holdt/)).toBeVisible();
  await expectAccessible(page);

  await page.locator('main dd a').first().click();
  await expect(page.getByRole('img', { name: /Kurve: belægningen den 1\. i hver måned/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Belægning pr. måned' })).toBeVisible();
  await expect(page.getByText('Der er en åben dialogsag.').first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('table', { name: 'Belægning pr. måned' }).getByRole('link').last().click();
  await expect(page.getByRole('heading', { level: 3, name: /Kontrakter den 1\./ })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/samarbejde/beskyttede-tilbud/regler?area=hovedstaden');
  await expect(page.getByText('Nødbremse', { exact: true })).toBeVisible();
  await expect(page.getByText('Dialog med de købende kommuner')).toBeVisible();
  await expectAccessible(page);
  await page.goto('/samarbejde/beskyttede-tilbud/regler?area=sjaelland');
  await page.getByRole('button', { name: 'Tilføj udløseren' }).click();
  await expect(page.getByRole('alert')).toContainText('Gælder fra');
  await expectAccessible(page);
  // The two refused forms answer 400 on purpose (the page shown again with the messages); nothing else may fail.
  expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
});
