/**
 * Browser tests for tariffs: every tariff page passes axe; the public reads the overview and a calculation and
 * tries a what-if (live with JavaScript, as a form without); an operator calculates next year's tariff with the
 * live preview and submits it; the secretariat approves and publishes; the overview and its Excel file show it.
 */
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, loginAs, watchConsole } from './helpers.js';

const YEAR = new Date().getFullYear();
const ROUND = YEAR + 1;

const logout = async (page: Page) => {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByRole('link', { name: 'Log ind' }).first()).toBeVisible();
};

/** The first tariff with a day unit in the published overview. */
async function openFirstTariff(page: Page) {
  await page.goto(`/takster/oversigt/sjaelland/${YEAR}`);
  await page.locator('main table tbody tr').filter({ hasText: 'døgn/dag' }).first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Beregningen trin for trin' })).toBeVisible();
}

test('the public reads the tariff front page, the overview, a calculation and the rules', async ({ page }) => {
  // axe over the whole published overview (~300 offerings) takes tens of seconds on a loaded machine.
  test.setTimeout(150_000);
  const errors = watchConsole(page);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Takster' }).click();
  await expect(page).toHaveTitle('Takster – Ramme');
  await expectAccessible(page);
  await page
    .getByRole('link', { name: String(YEAR), exact: true })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Takstoversigt ${YEAR} – Rammeaftale Sjælland`);
  await expect(page.getByRole('heading', { name: 'Holbæk', exact: true })).toBeVisible();
  await expectAccessible(page);
  await openFirstTariff(page);
  await expect(page.getByRole('table', { name: 'Beregningen trin for trin' })).toContainText('Takstgrundlag');
  await expectAccessible(page);
  await page.goto('/takster/regler');
  await expect(page.getByRole('table', { name: 'Regler pr. rammeaftale og periode' })).toContainText('Rammeaftale Hovedstaden');
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('what-if updates live while typing, saving nothing', async ({ page }) => {
  await openFirstTariff(page);
  const result = page.locator('#hvis-resultat');
  await expect(result).toContainText('Intet gemmes');
  await page.getByLabel('Belægningsprocent').fill('99');
  await expect(result.getByRole('table', { name: 'Takst med dine ændringer' })).toBeVisible();
  await expect(result).toContainText('anbefalede maksimum på 98 %');
  await expectAccessible(page);
  // The button posts the form as a whole page (the path without JavaScript); that page passes axe too.
  await page.getByRole('button', { name: 'Beregn' }).click();
  await expect(page.getByRole('table', { name: 'Takst med dine ændringer' })).toBeVisible();
  await expect(page.getByLabel('Belægningsprocent')).toHaveValue('99');
  await expectAccessible(page);
});

test.describe('on a 360 px wide screen', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('the step-by-step table and the overview keep the amounts in view', async ({ page }) => {
    await openFirstTariff(page);
    const breakdown = page.getByRole('table', { name: 'Beregningen trin for trin' });
    const fits = await breakdown.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth + 1);
    expect(fits).toBe(true);
    const total = breakdown.locator('tbody tr').last().locator('td');
    const box = (await total.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await page.goto(`/takster/oversigt/sjaelland/${YEAR}`);
    const price = page.locator('main table tbody tr').first().locator('td.ramme-num').first();
    await expect(price).toContainText('kr.');
    const p = (await price.boundingBox())!;
    expect(p.x + p.width).toBeLessThanOrEqual(360);
    await expectAccessible(page);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('what-if works as a plain form', async ({ page }) => {
    await openFirstTariff(page);
    await page.getByLabel('Belægningsprocent').fill('96,5');
    await page.getByRole('button', { name: 'Beregn' }).click();
    await expect(page.getByRole('table', { name: 'Takst med dine ændringer' })).toBeVisible();
    await expect(page.getByLabel('Belægningsprocent')).toHaveValue('96,5');
  });
});

test('an operator calculates next year’s tariff with the live preview and submits it; the secretariat approves and publishes', async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, 'demo-tilbudsoekonomi');
  await page.goto('/takster');
  await expect(page.getByRole('heading', { name: 'Jeres tilbuds takster' })).toBeVisible();
  await expectAccessible(page);
  const start = page.getByRole('link', { name: new RegExp(`^Beregn takst ${ROUND} for `) }).first();
  expect(await start.getAttribute('href')).toContain(`/${ROUND}/ny`);
  await start.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Beregn takst ${ROUND}`);
  const offering = (await page.locator('main > p').first().textContent())!.split(' · ')[0]!;
  await expectAccessible(page);

  // A bad amount is shown again with a Danish message, the input kept.
  await page.getByLabel('Lønudgifter').fill('mange penge');
  await page.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(page.locator('#fejlopsummering')).toContainText('Lønudgifter');
  await expect(page.getByLabel('Lønudgifter')).toHaveValue('mange penge');
  await expectAccessible(page);

  // The live preview follows the input.
  const preview = page.locator('#beregning');
  await page.getByLabel('Pladser').fill('12');
  await page.getByLabel('Lønudgifter').fill('7.400.000');
  await page.getByLabel('Budgetteret belægningsprocent').fill('96');
  await expect(preview.getByRole('table', { name: 'Beregnet takst' })).toBeVisible();
  const before = await preview.getByRole('table', { name: 'Beregnet takst' }).textContent();
  await page.getByLabel('Budgetteret belægningsprocent').fill('97');
  await expect(preview.getByRole('table', { name: 'Beregnet takst' })).not.toHaveText(before!);
  await page.getByLabel('Forklaring på stigningen').fill('Ny nattevagt og huslejestigning.');
  await page.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(page.getByText('Kladden er gemt.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Ret beregningen' }).click();
  await expect(page.getByLabel('Forklaring på stigningen')).toHaveValue('Ny nattevagt og huslejestigning.');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Annullér' }).click();
  await page.getByRole('button', { name: 'Indsend til sekretariatet' }).click();
  await expect(page.getByText('Taksten er indsendt til sekretariatet.')).toBeVisible();
  const tariffUrl = new URL(page.url()).pathname;
  await logout(page);

  await loginAs(page, 'demo-sekretariat');
  await page.goto('/takster');
  await expect(page.getByRole('table', { name: 'Indsendte takster, der venter på godkendelse' })).toContainText(offering);
  await expectAccessible(page);
  await page.goto(tariffUrl);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Godkend taksten' }).click();
  await expect(page.getByText('Taksten er godkendt.')).toBeVisible();
  await page.goto(`/takster/oversigt/sjaelland/${ROUND}?forhaandsvisning=1`);
  await expectAccessible(page);
  await page.getByRole('button', { name: /^Offentliggør \d+ godkendte takster$/ }).click();
  // A confirmation page states the round's status and the deadline before anything is published.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Offentliggør takstoversigten ${ROUND} – Rammeaftale Sjælland`);
  await expect(page.locator('main')).toContainText('Ikke påbegyndt');
  await expect(page.locator('main')).toContainText('Frist for indsendelse');
  // A partial overview is the basis for payment: the confirmation names the offerings it will lack.
  await expect(page.locator('main')).toContainText(/Oversigten vil omfatte \d+ af områdets \d+ tilbud/);
  const lacking = await page.locator('#mangler li').count();
  expect(lacking).toBeGreaterThan(100);
  await expectAccessible(page);
  await page.getByRole('button', { name: /^Bekræft: offentliggør \d+ godkendte takster$/ }).click();
  await expect(page.getByText(/\d+ takster er offentliggjort\./)).toBeVisible();
  await expect(page.locator('main')).toContainText(offering);
  // The published overview says how many of the area's offerings it holds, and lists the others.
  await expect(page.getByText(/^Oversigten omfatter \d+ af områdets \d+ tilbud$/)).toBeVisible();
  await page.getByText(/^Vis de \d+ tilbud, der mangler$/).click();
  await expect(page.locator('#mangler li')).toHaveCount(lacking);

  // The Excel file has the overview and the calculations on two sheets, with the new tariff.
  const xlsx = await page.request.get(`/takster/oversigt/sjaelland/${ROUND}/eksport.xlsx`);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Takstoversigt', 'Beregningsgrundlag']);
  const names: string[] = [];
  wb.getWorksheet('Takstoversigt')!
    .getColumn(3)
    .eachCell((c) => void names.push(String(c.value)));
  expect(names).toContain(offering);
  await logout(page);

  // The public now sees the overview.
  await page.goto(`/takster/oversigt/sjaelland/${ROUND}`);
  await expect(page.locator('main')).toContainText(offering);
});

test('the report to the socialtilsyn and the steering group’s review list pass axe', async ({ page }) => {
  await loginAs(page, 'demo-sekretariat');
  await page.goto(`/takster/indberetning?area=sjaelland&periode=${YEAR - 1}-2`);
  await expect(page.getByRole('heading', { level: 2, name: /^Til Socialtilsyn/ }).first()).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/takster/styregruppe?area=sjaelland&dato=${YEAR}-03-15`);
  await expect(page.getByRole('table', { name: /pr\. driftsherre/ })).toContainText('Holbæk Kommune');
  await expectAccessible(page);
  await page.goto('/takster/styregruppe');
  await expectAccessible(page);
  // Each count of the round links to the offerings in that state.
  await page.goto(`/takster/oversigt/sjaelland/${ROUND}?forhaandsvisning=1`);
  await page.getByRole('link', { name: /^Ikke påbegyndt: \d+$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Takstrunden ${ROUND}: ikke påbegyndt`);
  await expectAccessible(page);
});

test('an operator’s tariff history and a tariff pass axe; another municipality’s editor is refused', async ({ page }) => {
  await loginAs(page, 'demo-tilbudsoekonomi');
  await page.goto('/takster');
  const offeringLink = page
    .getByRole('table', { name: /Takster for de tilbud/ })
    .getByRole('link')
    .first();
  const offeringHref = (await offeringLink.getAttribute('href'))!;
  await offeringLink.click();
  await expect(page.getByRole('table', { name: 'Alle takster og versioner' })).toBeVisible();
  await expectAccessible(page);
  const href = await page.getByRole('table', { name: 'Alle takster og versioner' }).getByRole('link').first().getAttribute('href');
  await page.goto(href!);
  await expectAccessible(page);
  await logout(page);
  await loginAs(page, 'demo-naestved');
  const response = await page.goto(`${offeringHref}/${ROUND}/ny`);
  expect(response?.status()).toBe(403);
  await expectAccessible(page);
});
