/**
 * Browser tests for what a new user trips over in the agreement cycle: publishing asks for a confirmation that
 * says who will see the agreement and that it is not approved; the principles matrix shows every member and the
 * totals at 1280 px with the commitment column fixed, and one member at a time at 360 px; an agreement without
 * principles says so instead of "0 af 0"; and buttons keep their distance from the field above them.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, loginAs } from './helpers.js';

async function agreementUrl(page: Page, title: string): Promise<string> {
  await page.goto('/aftaler');
  await page.getByRole('link', { name: title, exact: true }).click();
  return new URL(page.url()).pathname;
}

test('publishing asks for a confirmation naming who will see it and how far the approval has come, then says it is done', async ({ page }) => {
  await loginAs(page, 'demo-sekretariat');
  await page.goto('/aftaler/ny');
  await page.getByLabel('Titel').fill('Offentliggørelse i browseren 2031-2032');
  await page.getByLabel('Periodens start').fill('2031-01-01');
  await page.getByLabel('Periodens slutning').fill('2032-12-31');
  await page.getByLabel('Arbejdet starter').fill('2026-01-01');
  await page.getByRole('button', { name: 'Opret aftale' }).click();
  const base = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Offentliggør aftalen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Offentliggør aftalen');
  await expect(page.getByText(/kan alle læse den, også borgere og andre, der ikke er logget ind/)).toBeVisible();
  await expect(page.getByText(/Aftalen er ikke godkendt: 0 af \d+ har godkendt\./)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Offentliggør aftalen' }).click();
  await expect(page.getByText(/Bekræft, at aftalen skal kunne ses af alle/).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('checkbox', { name: /Ja, aftalen skal kunne ses af alle/ }).check();
  await page.getByRole('button', { name: 'Offentliggør aftalen' }).click();
  await expect(page).toHaveURL(new RegExp(`${base}\\?besked=offentliggjort$`));
  await expect(page.getByText('Aftalen er offentliggjort')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Fjern offentliggørelsen' }).click();
  await expect(page.getByText('Offentliggørelsen er fjernet')).toBeVisible();
});

test('the principles matrix at 1280 px shows all 18 members and the totals; the commitment column stays while scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const base = await agreementUrl(page, 'Rammeaftale Sjælland 2025-2026');
  await page.goto(base + '/principper');
  const wrap = page.locator('.ramme-matrix-wide');
  await expect(wrap).toBeVisible();
  const box = (await wrap.boundingBox())!;
  const members = page.locator('.ramme-matrix thead th.ramme-member');
  await expect(members).toHaveCount(18);
  for (const header of [members.last(), page.getByRole('columnheader', { name: 'Implementeret' })]) {
    const b = (await header.boundingBox())!;
    expect(b.x + b.width, 'inside the visible part of the table').toBeLessThanOrEqual(box.x + box.width + 1);
  }
  await expectAccessible(page);
  // Narrower, where the members scroll sideways: the commitment column and the totals stay at the edges.
  await page.setViewportSize({ width: 900, height: 900 });
  const narrow = (await wrap.boundingBox())!;
  expect(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth), 'the table scrolls at 900 px').toBe(true);
  await wrap.evaluate((el) => {
    el.scrollLeft = el.scrollWidth / 2;
  });
  const rowHeader = (await page.locator('.ramme-matrix tbody th[scope="row"]').first().boundingBox())!;
  expect(Math.abs(rowHeader.x - narrow.x)).toBeLessThanOrEqual(2);
  const totals = (await page.getByRole('columnheader', { name: 'Implementeret' }).boundingBox())!;
  expect(Math.abs(totals.x + totals.width - (narrow.x + narrow.width))).toBeLessThanOrEqual(2);
});

test('the principles matrix at 360 px shows one member at a time, with every status in words', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const base = await agreementUrl(page, 'Rammeaftale Sjælland 2025-2026');
  await page.goto(base + '/principper');
  await expect(page.locator('.ramme-matrix-wide')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Status pr. medlem' })).toBeVisible();
  await page.getByText(/^Holbæk Kommune: \d+ af \d+ implementeret/).click();
  await expect(page.locator('details[open] li').first()).toContainText(/Implementeret|I gang|Ikke startet|Ikke relevant|Ikke angivet/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no sideways scrolling of the page').toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test('an agreement without principles says so, instead of "0 af 0", and its status form offers no button', async ({ page }) => {
  await loginAs(page, 'demo-naestved');
  const base = await agreementUrl(page, 'Rammeaftale Sjælland 2027-2028');
  await page.goto(base + '/principper');
  await expect(page.getByText('Aftalen har endnu ingen fælleskommunale principper.')).toBeVisible();
  await expect(page.getByText(/0 af 0/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Meld status/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(base + '/principper/status');
  await expect(page.getByText(/ingen tilsagn at melde status på/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gem status' })).toHaveCount(0);
  await expectAccessible(page);
});

test('buttons keep their distance from the field above them, and the approval table names its last column', async ({ page }) => {
  await loginAs(page, 'demo-sekretariat');
  const base = await agreementUrl(page, 'Rammeaftale Sjælland 2025-2026');
  const gap = async (field: string, button: string) => {
    const f = (await page
      .getByLabel(new RegExp(`^${field}`))
      .first()
      .boundingBox({ timeout: 5000 }))!;
    const b = (await page.getByRole('button', { name: button, exact: true }).boundingBox({ timeout: 5000 }))!;
    return b.y - (f.y + f.height);
  };
  await page.goto(base + '/tidslinje');
  expect(await gap('Slut', 'Tilføj fase')).toBeGreaterThanOrEqual(16);
  expect(await gap('Gennemføres automatisk', 'Tilføj milepæl')).toBeGreaterThanOrEqual(16);
  await expectAccessible(page);
  await page.goto(await agreementUrl(page, 'Rammeaftale Sjælland 2027-2028'));
  expect(await gap('Bemærkning', 'Skift status')).toBeGreaterThanOrEqual(16);
  await page.goto(base + '/godkendelse');
  await expect(page.getByRole('columnheader').last()).toHaveText('Registrér beslutning');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.goto(base + '/godkendelse');
  await expect(page.getByRole('columnheader').last()).toHaveText('Bemærkning');
  await expectAccessible(page);
});
