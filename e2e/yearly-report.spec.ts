/**
 * Browser tests for the area's yearly report and the activities' evaluation: the report page (chosen area and year)
 * and the evaluation form pass axe; the secretariat opens the report from the cooperation's front page, follows an
 * activity to its evaluation, corrects a refused survey through the form without JavaScript, and downloads the
 * PDF and Word versions.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs, watchConsole } from './helpers.js';

test('the secretariat reads the yearly report, follows an activity to its evaluation and corrects it', async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, 'demo-sekretariat');
  await page.goto('/samarbejde');
  await page.getByRole('link', { name: 'Årsrapport' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Opsamling på rammeaftalen og aktiviteter');
  await expectAccessible(page);

  await page.getByLabel('Rammeaftaleområde').selectOption('sjaelland');
  await page.getByLabel('År').fill('2023');
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Opsamling på rammeaftalen og aktiviteter 2023 – Rammeaftale Sjælland');
  const table = page.getByRole('table', { name: 'Aktiviteter i Rammeaftale Sjælland i 2023' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Afholdt af' })).toBeVisible();
  await expect(table.getByText(/af 5 \(\d+ svar\)/).first()).toBeVisible();
  await expectAccessible(page);

  const pdf = await page.request.get('/samarbejde/aarsrapport?area=sjaelland&year=2023&format=pdf');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const doc = await page.request.get('/samarbejde/aarsrapport?area=sjaelland&year=2023&format=doc');
  expect(doc.headers()['content-type']).toMatch(/^application\/msword/);
  expect(await doc.text()).toContain('<th scope="col">Tema</th>');

  await table.getByRole('link', { name: 'Konference: Fælles om de mest specialiserede tilbud' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Evaluering' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Svar på »Hvor tilfreds var du med dagen?«' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Ret evalueringen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evaluering af Konference: Fælles om de mest specialiserede tilbud');
  await expectAccessible(page);
  const fourth = page.locator('#f-q1_4');
  const before = await fourth.inputValue();
  await fourth.fill('999');
  await page.getByRole('button', { name: 'Gem evalueringen' }).click();
  await expect(page.getByRole('alert')).toContainText('flere svar på spørgsmålet end besvarelser');
  await expectAccessible(page);
  await page.locator('#f-q1_4').fill(String(Number(before) - 1));
  await page.getByRole('button', { name: 'Gem evalueringen' }).click();
  await expect(page.getByText('Aktiviteten er gemt.')).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Svar på »Hvor tilfreds var du med dagen?«' }).getByRole('cell', { name: String(Number(before) - 1), exact: true }),
  ).toBeVisible();
  expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
});
