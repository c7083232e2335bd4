/**
 * Browser tests for the platform shell and the offerings register: every page passes axe, and the flows a
 * case worker and an operator rely on work in Chromium.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs, watchConsole } from './helpers.js';

test('login page and public pages pass axe and have Danish titles', async ({ page }) => {
  const errors = watchConsole(page);
  for (const [url, title] of [
    ['/login', 'Log ind – Ramme'],
    ['/', 'Forside – Ramme'],
    ['/om', 'Om Ramme – Ramme'],
    ['/api/docs', 'API-dokumentation – Ramme'],
    ['/findes-ikke', 'Siden findes ikke – Ramme'],
  ] as const) {
    await page.goto(url);
    await expect(page).toHaveTitle(title);
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
    await expectAccessible(page);
  }
  expect(errors.filter((e: string) => !e.includes('404'))).toEqual([]);
});

test('a case worker filters offerings by target group and legal basis and opens one', async ({ page }) => {
  await loginAs(page, 'demo-myndighed');
  await page.getByRole('link', { name: 'Tilbud', exact: true }).first().click();
  await expect(page).toHaveTitle('Tilbudsregister – Ramme');
  await expectAccessible(page);
  await page.locator('summary', { hasText: 'Målgruppe' }).click();
  await page.getByLabel(/^Kognitiv eller intellektuel funktionsnedsættelse/).check();
  await page.locator('summary', { hasText: 'Lovgrundlag' }).click();
  await page.getByLabel(/^SEL § 108:/).check();
  await page.getByRole('button', { name: 'Vis tilbud' }).click();
  await expect(page).toHaveURL(/targetGroup=kog/);
  await expect(page).toHaveURL(/legalBasis=SEL-108/);
  await expect(page.getByText('blev ignoreret')).toHaveCount(0);
  const rows = page.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const cell of await page.locator('tbody tr td:nth-child(4)').allTextContents()) expect(cell).toContain('§ 108');
  const first = rows.first().getByRole('link');
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByText('Længerevarende botilbud')).toBeVisible();
  await expectAccessible(page);
  // A case worker reads but does not edit.
  await expect(page.getByRole('link', { name: 'Redigér tilbud' })).toHaveCount(0);
});

test('an operator edits its own offering, the change is logged, and another municipality’s offering is refused', async ({ page, browser }) => {
  await loginAs(page, 'demo-tilbudsoekonomi');
  await page.goto('/tilbud?municipality=316&operatorType=kommunal');
  await page.locator('tbody tr').first().getByRole('link').click();
  const detailUrl = page.url();
  await page.getByRole('link', { name: 'Redigér tilbud' }).click();
  await expectAccessible(page);
  // Bad input is shown again with a Danish message and the input kept.
  await page.getByLabel('Normerede pladser').fill('mange');
  await page.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Normerede pladser');
  await expect(page.getByLabel('Normerede pladser')).toHaveValue('mange');
  await expectAccessible(page);
  await page.getByLabel('Normerede pladser').fill('17');
  await page.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(page.getByText('Ændringerne er gemt.')).toBeVisible();
  // The history names the person and shows the changed field with its old and new value.
  const latest = page.locator('.ramme-history > li').first();
  await expect(latest).toContainText('Ændret af Tina Tilbudsøkonomi');
  await expect(latest.getByRole('row', { name: /Normerede pladser/ })).toContainText(/\d+\s*17/);
  await expect(latest).not.toContainText('demo-tilbudsoekonomi');
  await expectAccessible(page);

  // The secretariat sees the change, with before and after, in the audit log.
  const id = detailUrl.split('/').pop()!.split('?')[0]!;
  const context = await browser.newContext();
  const secretariat = await context.newPage();
  await loginAs(secretariat, 'demo-sekretariat');
  await secretariat.goto(`/log?entity=offering&entityId=${id}`);
  await expect(secretariat.locator('tbody tr').first()).toContainText('demo-tilbudsoekonomi');
  await secretariat.locator('tbody tr').first().getByText(/felt/).click();
  await expect(secretariat.locator('tbody tr').first()).toContainText('Normerede pladser');
  await expectAccessible(secretariat);
  await context.close();

  // Another municipality's offering: no edit button, and the edit URL is refused.
  await page.goto('/tilbud?municipality=370&operatorType=kommunal');
  await page.locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByRole('link', { name: 'Redigér tilbud' })).toHaveCount(0);
  const response = await page.goto(page.url().split('?')[0] + '/rediger');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du har ikke adgang');
  await expectAccessible(page);
});

test('create, close and import pages pass axe; import reports errors per row and saves nothing', async ({ page }) => {
  await loginAs(page, 'demo-tilbudsoekonomi');
  for (const url of ['/tilbud/ny', '/tilbud/import', '/profil', '/grunddata?date=2027-01-01']) {
    await page.goto(url);
    await expectAccessible(page);
  }
  await page.goto('/tilbud/ny');
  await page.getByRole('button', { name: 'Opret tilbud' }).click();
  await expect(page.locator('#fejlopsummering')).toContainText('Navn');
  await expectAccessible(page);

  await page.goto('/tilbud/import');
  await page.setInputFiles('#fil', {
    name: 'tilbud.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Navn;Driftsform;Adresse;Postnummer;By;Kommunekode;Tilbudstype;Primært lovgrundlag;Målgrupper;Normerede pladser;Alder fra;Alder til;Status siden;Socialtilsyn\nNyt botilbud;kommunal;Vej 1;4300;Holbæk;316;botilbud;SEL-108;kog-autisme;-4;18;99;2026-01-01;oest\n',
    ),
  });
  await page.getByRole('button', { name: 'Importér' }).click();
  await expect(page.getByText('Intet er importeret')).toBeVisible();
  await expect(page.locator('#importfejl')).toContainText('Normerede pladser');
  await expectAccessible(page);

  await page.goto('/tilbud?municipality=316&operatorType=kommunal&status=aktiv');
  await page.locator('tbody tr').first().getByRole('link').click();
  await page.getByRole('link', { name: 'Luk eller afvikl tilbud' }).click();
  await expectAccessible(page);
});

test('the secretariat’s audit log and API token page pass axe', async ({ page }) => {
  await loginAs(page, 'demo-sekretariat');
  await page.goto('/log');
  await expectAccessible(page);
  await page.goto('/profil');
  await page.getByLabel('Navn på nøglen').fill('Fagsystem');
  await page.getByRole('button', { name: 'Opret API-nøgle' }).click();
  await expect(page.locator('#ny-noegle')).toContainText('ramme_');
  await expectAccessible(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('filters and pagination work as plain links and forms', async ({ page }) => {
    await loginAs(page, 'demo-myndighed');
    await page.goto('/tilbud');
    await page.getByLabel('Søg').fill('botilbud');
    await page.getByRole('button', { name: 'Vis tilbud' }).click();
    await expect(page).toHaveURL(/q=botilbud/);
    await expect(page.locator('tbody tr').first()).toBeVisible();
  });
});

test.describe('on a narrow screen', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('navigation stays reachable and the list has no horizontal page overflow', async ({ page }) => {
    await loginAs(page, 'demo-myndighed');
    await page.goto('/tilbud');
    await expect(page.getByRole('navigation', { name: 'Sider' }).getByRole('link', { name: 'Næste' })).toBeVisible();
    for (const url of ['/tilbud', '/takster', '/aftaler', '/grunddata']) {
      await page.goto(url);
      const menu = page.getByRole('navigation', { name: 'Hovedmenu' });
      await menu.getByText('Menu', { exact: true }).click();
      await expect(menu.getByRole('link', { name: 'Tilbud' })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `vandret overløb på ${url}`).toBeLessThanOrEqual(1);
    }
    await expectAccessible(page);
  });
});
