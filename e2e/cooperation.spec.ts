/**
 * Browser tests for the cooperation: every cooperation page passes axe. The secretariat reads the organisation
 * chart of Sjælland (SVG with a text version), opens a body and adds a member, and compares the proposed
 * organisation with today's; it lists the activities per year and records one through the form, and walks the projects.
 * A municipality answers a joint consultation, and opens and closes one.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs, watchConsole } from './helpers.js';

test('the secretariat reads the chart, adds a member and compares the proposal', async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, 'demo-sekretariat');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Samarbejde' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Samarbejdet');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Organer og organisering' }).click();
  await expect(page.getByRole('img', { name: /Organisationsdiagram/ })).toBeVisible();
  await expect(page.getByText('Tekstversion: Organisering af Rammeaftale Sjælland')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Økonomigruppen' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Økonomigruppen');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Tilføj medlem' }).click();
  await expect(page.getByRole('alert')).toContainText('Navn');
  await expectAccessible(page);
  await page.getByLabel(/^Navn/).fill('Gerda Prøvesen');
  await page.getByLabel('Anden organisation').fill('KL');
  await page.getByRole('button', { name: 'Tilføj medlem' }).click();
  await expect(page.getByText('Ændringen er gemt.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Gerda Prøvesen', exact: true })).toBeVisible();

  await page.goto('/samarbejde/organer');
  await page.getByRole('link', { name: 'Forslag: fremtidens organisering af Rammeaftale Sjælland' }).click();
  await expect(page.getByText('Nyt: Programstyregruppen')).toBeVisible();
  await expect(page.getByText('Udgår: Udbydernetværket')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/samarbejde/organer/ny?area=sjaelland');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Opret organ i Rammeaftale Sjælland');
  await expectAccessible(page);

  await page.goto('/samarbejde/aktiviteter');
  await expect(page.getByRole('heading', { level: 2, name: 'Aktiviteter i 2023' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Registrér en aktivitet' }).click();
  await page.getByRole('button', { name: 'Registrér aktiviteten' }).click();
  await expect(page.getByRole('alert')).toContainText('Afholdt af');
  await expectAccessible(page);
  await page.getByLabel(/^Tema/).fill('Temadag om overgangen til voksenlivet');
  await page.getByLabel(/^Dato/).fill('2026-10-08');
  await page.getByLabel(/^Afholdt af/).fill('Udviklingsgruppen');
  await page.getByLabel('Deltagere').fill('74');
  await page.getByRole('button', { name: 'Registrér aktiviteten' }).click();
  await expect(page.getByText('Aktiviteten er gemt.')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/samarbejde/projekter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projekter i Rammeaftale Sjælland');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Registrér et projekt' }).click();
  await expectAccessible(page);
  expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
});

test('a municipality answers a joint consultation, and opens and closes one', async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, 'demo-myndighed');
  await page.goto('/samarbejde');
  await page.getByRole('link', { name: 'Fælles drøftelser' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fælles drøftelser');
  await expectAccessible(page);
  await page
    .getByRole('link', { name: /^Lukning af / })
    .first()
    .click();
  await expect(page.getByRole('table', { name: 'Hvem har svaret hvad' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/samarbejde/droeftelser?status=aaben&kind=enkeltmandstilbud');
  await page.getByRole('link', { name: /^Forespørgsel: enkeltmandstilbud/ }).click();
  await page.getByLabel(/^Svar/).selectOption('vil_dele');
  await page.getByLabel('Bemærkning').fill('Vi har et lignende behov og vil gerne være med.');
  await page.getByRole('button', { name: 'Gem svaret' }).click();
  await expect(page.getByText('Svaret er gemt.')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/samarbejde/droeftelser/ny');
  await page.getByLabel(/^Slags/).selectOption('enkeltmandstilbud');
  await page.getByRole('button', { name: 'Opret drøftelsen' }).click();
  await expect(page.getByRole('alert')).toContainText('Titel');
  await expectAccessible(page);
  await page.getByLabel(/^Titel/).fill('Forespørgsel om skærmet botilbud');
  await page.getByLabel(/^Beskrivelse/).fill('En voksen med erhvervet hjerneskade har brug for et skærmet botilbud med døgndækning.');
  await page.getByLabel(/^Svarfrist/).fill('2099-01-15');
  await page.getByRole('button', { name: 'Opret drøftelsen' }).click();
  await page.getByRole('link', { name: 'Afslut drøftelsen' }).click();
  await expectAccessible(page);
  await page.getByLabel(/^Drøftelsens resultat/).fill('Ingen kommuner har en plads.');
  await page.getByLabel(/^Lokal beslutning/).fill('Kommunen etablerer selv tilbuddet.');
  await page.getByLabel(/^Beslutningens dato/).fill('2024-11-30');
  await page.getByLabel(/^Er et tilbud oprettet/).selectOption('ikke_oprettet');
  await page.getByRole('button', { name: 'Afslut drøftelsen' }).click();
  await expect(page.getByText('Drøftelsen er afsluttet.')).toBeVisible();
  expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
});
