/**
 * Browser test of user administration and sign-in through the identity broker: Holbæk's administrator
 * invites a broker user (the form names a missing field in Danish), the new person signs in through the local
 * OpenID provider in Chromium and lands signed in; a local user is invited, opens the invitation link (shown to the
 * administrator, as the browser tests run without a mail server), chooses a password and is signed in, and the
 * link then says it is used; each new page passes axe.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs } from './helpers.js';

test('an administrator links a broker user, who then signs in through the broker', async ({ page }) => {
  const username = `bo.broker.${Date.now().toString(36)}`;
  await loginAs(page, 'demo-admin');
  await page.getByRole('link', { name: 'Brugere' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brugere i Holbæk Kommune' })).toBeVisible();
  await page.getByLabel('Rollekode').fill(`urn:e2e:${Date.now().toString(36)}`);
  await page.getByLabel('Rolle i Ramme').selectOption('myndighed');
  await page.getByRole('button', { name: 'Tilføj rollekode' }).click();
  await expect(page.getByRole('button', { name: /Fjern urn:e2e:/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Invitér en bruger' }).click();
  await page.getByLabel('Navn (skal udfyldes)', { exact: true }).fill('Bo Broker');
  await page.getByRole('button', { name: 'Invitér' }).click();
  await expect(page.locator('#fejlopsummering')).toContainText('Brugernavn');
  await expectAccessible(page);
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Myndighed').check();
  await page.getByLabel('Logger ind med').selectOption('oidc');
  await page.getByLabel('Id hos identitetsbrokeren').fill('e2e-broker');
  await page.getByRole('button', { name: 'Invitér' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brugeren er oprettet' })).toBeVisible();
  await page.getByRole('link', { name: 'Gå til brugeren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bo Broker' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.goto('/login');
  await page.getByRole('link', { name: 'Log ind med Testbroker' }).click();
  await page.locator('input[name="login"]').fill('e2e-broker');
  await page.locator('input[name="password"]').fill('test');
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bo Broker' })).toBeVisible();
});

test('an administrator invites a local user; the person opens the link, chooses a password and is signed in', async ({ page }) => {
  const username = `ines.${Date.now().toString(36)}`;
  await loginAs(page, 'demo-admin');
  await page.goto('/brugere/ny');
  await page.getByLabel('Navn (skal udfyldes)', { exact: true }).fill('Ines Inviteret');
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('E-mailadresse').fill('ines@holbaek.example');
  await page.getByLabel('Læser').check();
  await page.getByRole('button', { name: 'Invitér' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brugeren er oprettet' })).toBeVisible();
  // The browser tests run without a mail server: the administrator is shown the link once.
  await expect(page.getByText('der er ingen mailserver sat op i Ramme')).toBeVisible();
  await expectAccessible(page);
  const link = (await page.locator('code.ramme-invitation-link').textContent())?.trim() ?? '';
  expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{43}$/);
  await page.getByRole('link', { name: 'Alle brugere' }).click();
  await expect(page.getByRole('row', { name: /Ines Inviteret/ })).toContainText('Afventer (link udleveret)');
  await page.getByRole('button', { name: 'Log ud' }).click();

  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Velkommen til Ramme' })).toBeVisible();
  await expect(page.getByText(username)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Ny adgangskode').fill('kort');
  await page.getByLabel('Gentag adgangskoden').fill('kort');
  await page.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
  await expect(page.locator('#fejlopsummering')).toContainText('Adgangskoden skal være mindst 10 tegn');
  await expectAccessible(page);
  await page.getByLabel('Ny adgangskode').fill('en lang og god adgangskode');
  await page.getByLabel('Gentag adgangskoden').fill('en lang og god adgangskode');
  await page.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
  await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ines Inviteret' })).toBeVisible();

  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Invitationen er allerede brugt' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/login');
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill('en lang og god adgangskode');
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Ines Inviteret' })).toBeVisible();
});
