/**
 * Browser tests for co-establishment proposals and meeting attachments, every page checked with axe: a member
 * municipality answers the demo proposal (a § 60 company) and opens and closes a proposal of its own, recording
 * whether an offering was created; the secretariat attaches a PDF to a meeting's agenda item, sees it listed and
 * downloads it with its name, and deletes it.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs, watchConsole } from './helpers.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

test('a municipality answers a co-establishment proposal, and opens and closes one', async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, 'demo-myndighed');
  await page.goto('/samarbejde/droeftelser?kind=samdrift');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fælles drøftelser');
  await expectAccessible(page);
  await page.getByRole('link', { name: /^Forslag: fælles § 60-selskab/ }).click();
  await expect(page.getByText('Selskab efter § 60 i serviceloven', { exact: true })).toBeVisible();
  await page.getByLabel(/^Svar/).selectOption('maaske');
  await page.getByLabel('Bemærkning').fill('Vi vil gerne drøfte vedtægterne først.');
  await page.getByRole('button', { name: 'Gem svaret' }).click();
  await expect(page.getByText('Svaret er gemt.')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/samarbejde/droeftelser/ny');
  await page.getByLabel(/^Slags/).selectOption('samdrift');
  await page.getByLabel(/^Titel/).fill('Forslag: underskudsgaranti for et nyt døgntilbud');
  await page.getByLabel(/^Beskrivelse/).fill('Vi foreslår en fælles underskudsgaranti for de første tre år.');
  await page.getByLabel(/^Svarfrist/).fill('2099-01-15');
  await page.getByRole('button', { name: 'Opret drøftelsen' }).click();
  await expect(page.getByRole('alert')).toContainText('Forslagets form');
  await expectAccessible(page);
  await page.getByLabel(/^Forslagets form/).selectOption('underskudsgaranti');
  await page.getByRole('button', { name: 'Opret drøftelsen' }).click();
  await expect(page.getByText('Underskudsgaranti', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Afslut drøftelsen' }).click();
  await page.getByLabel(/^Drøftelsens resultat/).fill('To kommuner deltager.');
  await page.getByLabel(/^Lokal beslutning/).fill('Garantien stilles.');
  await page.getByLabel(/^Beslutningens dato/).fill('2024-11-30');
  await page.getByRole('button', { name: 'Afslut drøftelsen' }).click();
  await expect(page.getByRole('alert')).toContainText('Vælg, om et tilbud er oprettet');
  await expectAccessible(page);
  await page.getByLabel(/^Er et tilbud oprettet/).selectOption('ikke_oprettet');
  await page.getByRole('button', { name: 'Afslut drøftelsen' }).click();
  await expect(page.getByText('Drøftelsen er afsluttet.')).toBeVisible();
  await expect(page.getByText('Der er ikke oprettet et tilbud.')).toBeVisible();
  await expectAccessible(page);
  expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
});

test('the secretariat attaches a file to an agenda item, downloads it and deletes it', async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, 'demo-sekretariat');
  await page.goto('/samarbejde/moeder');
  const href = await page
    .locator('main a[href^="/samarbejde/moeder/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')).find((h) => h && /^\/samarbejde\/moeder\/\d+$/.test(h)));
  expect(href).toBeTruthy();
  await page.goto(href!);
  await expect(page.getByRole('heading', { name: 'Bilag', level: 2 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Vedhæft filen' }).click();
  // The browser refuses an empty required file field; give it a file of the wrong kind instead.
  await page.getByLabel(/^Fil/).setInputFiles({ name: 'noter.txt', mimeType: 'text/plain', buffer: Buffer.from('noter') });
  await page.getByRole('button', { name: 'Vedhæft filen' }).click();
  await expect(page.getByRole('alert')).toContainText('Filtypen kan ikke vedhæftes');
  await expectAccessible(page);

  const item = page.getByLabel('Hører til');
  const firstItem = await item.locator('option').nth(1).getAttribute('value');
  if (firstItem) await item.selectOption(firstItem);
  await page.getByLabel(/^Fil/).setInputFiles({ name: 'Bilag – økonomi.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Vedhæft filen' }).click();
  await expect(page.getByRole('table', { name: 'Mødets bilag' })).toContainText('Bilag – økonomi.pdf');
  await expectAccessible(page);

  const link = page.getByRole('link', { name: 'Bilag – økonomi.pdf' });
  const res = await page.request.get((await link.getAttribute('href'))!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  expect(res.headers()['content-disposition']).toContain("filename*=UTF-8''Bilag%20%E2%80%93%20%C3%B8konomi.pdf");

  await page.getByRole('button', { name: 'Slet Bilag – økonomi.pdf' }).click();
  await expect(page.getByRole('table', { name: 'Mødets bilag' })).toHaveCount(0);
  expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
});
