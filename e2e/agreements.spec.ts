/**
 * Browser tests for the agreement cycle: every agreement page passes axe; the public reads the published
 * document (print stylesheet, PDF); a member reports its statuses; and the whole hearing-to-approval flow works
 * in Chromium: the secretariat opens a hearing, a municipality comments on a section, the secretariat answers and
 * publishes version 2 whose changelog links the comment, and the members approve one by one.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, loginAs, watchConsole } from './helpers.js';

const logout = async (page: Page) => {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByRole('link', { name: 'Log ind' }).first()).toBeVisible();
};

async function agreementUrl(page: Page, title: string): Promise<string> {
  await page.goto('/aftaler');
  await page.getByRole('link', { name: title, exact: true }).click();
  return new URL(page.url()).pathname;
}

test('the public reads the published agreement: list, overview, document with print stylesheet, and PDF', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'Rammeaftaler', exact: true }).first().click();
  await expect(page).toHaveTitle('Rammeaftaler – Ramme');
  await expect(page.getByRole('link', { name: 'Rammeaftale Sjælland 2027-2028' })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Rammeaftale Sjælland 2025-2026', exact: true }).click();
  await expect(page.getByText('18 af 18 har godkendt')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Læs aftalen som dokument' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rammeaftale Sjælland 2025-2026');
  await expect(page.getByRole('navigation', { name: 'Indhold' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Fælleskommunale principper' })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.header')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Hent som PDF' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  const pdf = await page.request.get(page.url().replace(/dokument$/, 'aftale.pdf'));
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  expect(errors).toEqual([]);
});

test('every link on the agreement overview works (no 404), for the public and the secretariat', async ({ page }) => {
  for (const user of [null, 'demo-sekretariat']) {
    if (user) await loginAs(page, user);
    await agreementUrl(page, 'Rammeaftale Sjælland 2025-2026');
    await expect(page.getByRole('link', { name: 'Hent som PDF' })).toHaveAttribute('href', /\/aftale\.pdf$/);
    const hrefs = await page
      .locator('a[href^="/"]')
      .evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!.split('#')[0]!))]);
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) {
      const r = await page.request.get(href, { maxRedirects: 0 });
      expect(r.status(), `${user ?? 'offentligheden'}: ${href}`).not.toBe(404);
      expect(r.status(), `${user ?? 'offentligheden'}: ${href}`).toBeLessThan(500);
    }
  }
});

test('every agreement page passes axe for the secretariat', async ({ page }) => {
  // About 25 pages, each checked by axe (~2 s per page on a loaded machine): more than the default minute.
  test.setTimeout(180_000);
  await loginAs(page, 'demo-sekretariat');
  const base = await agreementUrl(page, 'Rammeaftale Sjælland 2025-2026');
  const subs = [
    '',
    '/indhold',
    '/principper',
    '/tidslinje',
    '/input',
    '/hoering',
    '/godkendelse',
    '/dokument',
    '/rediger',
    '/fokusomraader/ny',
    '/indikatorer/ny',
    '/principper/ny',
    '/afsnit/ny',
  ];
  for (const sub of subs) {
    await page.goto(base + sub);
    await expectAccessible(page);
  }
  // Pages reached by links: an indicator with its rows, a focus area, a principle, a commitment, a round, a group,
  // a question side by side, a version, a comment answer and an approval form.
  await page.goto(base + '/indhold');
  await page.getByRole('link', { name: 'Fælleskommunale tilsagn implementeret' }).first().click();
  await page.getByText(/Se de \d+ rækker bag tallene/).click();
  await expectAccessible(page);
  for (const [from, link] of [
    ['/indhold', /Ret fokusområde 1/],
    ['/indhold', /Ret princip 1/],
    ['/input', /Halvdagsseminar/],
    ['/hoering', /^Version 2$/],
    ['/hoering', /^Besvar|^Ret svar/],
    ['/godkendelse', /Registrér/],
  ] as const) {
    await page.goto(base + from);
    await page.getByRole('link', { name: link }).first().click();
    await expectAccessible(page);
  }
  await page.goto(base + '/input');
  await page.getByRole('link', { name: /Halvdagsseminar/ }).click();
  await page.getByRole('link', { name: /Skriv to budskaber/ }).click();
  await expectAccessible(page);
  await page.goBack();
  await page.getByRole('button', { name: 'Genåbn runden' }).click();
  await page.getByRole('link', { name: 'Svar for Bord 1' }).click();
  await expectAccessible(page);
  const other = await agreementUrl(page, 'Rammeaftale Sjælland 2021-2022');
  await page.goto(other + '/input');
  await page.getByRole('link', { name: /Dialogmøde for politikere/ }).click();
  await expectAccessible(page);
});

test('a member reports its own status on a commitment and sees it in the matrix', async ({ page }) => {
  await loginAs(page, 'demo-tilbudsoekonomi');
  const base = await agreementUrl(page, 'Rammeaftale Sjælland 2025-2026');
  await page.goto(base + '/principper');
  await page.getByRole('link', { name: 'Meld status for Holbæk Kommune' }).click();
  await expectAccessible(page);
  await page.getByLabel('Status for 3.4').selectOption('implementeret');
  await page.getByLabel('Dato for 3.4').fill('2026-11-20');
  await page.getByLabel('Dokumentation for 3.4').fill('Partnerskab med lokal fond indgået');
  await page.getByRole('button', { name: 'Gem status' }).click();
  await expect(page).toHaveURL(/\/principper$/);
  const row = page.getByRole('row', { name: /^3\.4 / });
  const holbaekColumn = (await page.locator('thead th').allTextContents()).findIndex((t) => t.trim() === 'Holbæk');
  await expect(row.locator('td').nth(holbaekColumn - 1)).toContainText('Implementeret');
  await expectAccessible(page);
});

test('hearing to approval: comment on a section, answer, version 2 links it, members approve one by one', async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, 'demo-sekretariat');
  const base = await agreementUrl(page, 'Rammeaftale Sjælland 2027-2028');
  await page.goto(base + '/hoering');
  await page.getByLabel('Ændringslog').fill('Første høringsudkast.');
  await page.getByRole('button', { name: 'Udgiv version 1' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('version 1');
  await page.goto(base);
  await page.getByLabel('Ny status').selectOption('i_hoering');
  await page.getByLabel('Høringsfrist').fill('2020-01-01');
  await page.getByLabel('Bemærkning').fill('Sendt til alle kommuner');
  await page.getByRole('button', { name: 'Skift status' }).click();
  await expect(page.getByText('Høringsfristen kan ikke ligge før i dag.').first()).toBeVisible();
  await expect(page.getByLabel('Ny status')).toHaveValue('i_hoering');
  await expect(page.getByLabel('Høringsfrist')).toHaveValue('2020-01-01');
  await expect(page.getByLabel('Bemærkning')).toHaveValue('Sendt til alle kommuner');
  await expectAccessible(page);
  await page.goto(base + '/hoering');
  await page.getByLabel('Høringsfrist').fill('2026-12-31');
  await page.getByRole('button', { name: 'Send version 1 i høring' }).click();
  await expect(page.getByText('I høring', { exact: true }).first()).toBeVisible();
  // The secretariat runs the hearing: it answers responses, it is not offered to give one.
  await page.goto(base + '/hoering');
  await expect(page.getByRole('link', { name: /afgiv høringssvar/ })).toHaveCount(0);
  await expect(page.getByText(/Sekretariatet besvarer høringssvarene/)).toBeVisible();
  await page.getByRole('link', { name: 'Læs version 1', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Afgiv høringssvar' })).toHaveCount(0);
  // The milestone tied to the hearing is completed by the status change, no longer overdue.
  await page.goto(base + '/tidslinje');
  await expect(page.getByRole('listitem').filter({ hasText: 'Udkast klar til høring' }).last()).toContainText('Gennemført');
  await expectAccessible(page);
  await logout(page);

  await loginAs(page, 'demo-laeser');
  await page.goto(base + '/hoering');
  await expect(page.getByRole('link', { name: /afgiv høringssvar/ })).toHaveCount(0);
  await expect(page.getByText(/anden rolle end Læser/)).toBeVisible();
  await page.getByRole('link', { name: 'Læs version 1', exact: true }).click();
  await expect(page.getByText(/Du har rollen Læser og kan derfor ikke afgive høringssvar/)).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  await loginAs(page, 'demo-naestved');
  await page.goto(base + '/hoering');
  await page.getByRole('link', { name: /Læs version 1 og afgiv høringssvar/ }).click();
  await expectAccessible(page);
  await page.getByLabel('Afsnit', { exact: true }).selectOption({ label: 'Udviklingsstrategi, fokusområde 2: Unge på vej til voksenlivet' });
  await page.getByRole('textbox', { name: /^Høringssvar/ }).fill('Husk de unge mellem 18 og 22 år i efterværn.');
  await page.getByRole('button', { name: 'Send høringssvar' }).click();
  await expect(page.getByRole('cell', { name: 'Husk de unge mellem 18 og 22 år i efterværn.' })).toBeVisible();
  await logout(page);

  await loginAs(page, 'demo-sekretariat');
  await page.goto(base + '/hoering');
  await page.getByRole('link', { name: /^Besvar/ }).click();
  await expect(page.getByText(/om Udviklingsstrategi, fokusområde 2: Unge på vej til voksenlivet i version 1/)).toBeVisible();
  await page.getByLabel('Svar', { exact: true }).selectOption('taget_ind');
  await page.getByLabel('Begrundelse').fill('Efterværn er skrevet ind i fokusområde 2.');
  await page.getByRole('button', { name: 'Gem svar' }).click();
  await expect(page.getByText('Efterværn er skrevet ind i fokusområde 2.')).toBeVisible();
  await page.getByLabel('Ændringslog').fill('Efterværn tilføjet efter høringen.');
  await expect(page.getByRole('checkbox', { name: /fra Næstved Kommune/ })).toBeChecked();
  await page.getByRole('button', { name: 'Udgiv version 2' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('version 2');
  await page.getByRole('link', { name: /Høringssvar nr\. \d+ fra Næstved Kommune/ }).click();
  await expect(page).toHaveURL(/\/hoering#hoeringssvar-\d+$/);
  await expect(page.getByRole('link', { name: 'Version 2' }).last()).toBeVisible();

  // Before the hearing deadline, sending it for approval closes the hearing early: only once that is confirmed.
  await page.goto(base);
  await page.getByLabel('Ny status').selectOption('til_godkendelse');
  await page.getByRole('button', { name: 'Skift status' }).click();
  await expect(page.getByText(/Bekræft, at høringen lukkes før fristen/).first()).toBeVisible();
  await expect(page.getByText('I høring').first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Ny status').selectOption('til_godkendelse');
  await page.getByRole('checkbox', { name: 'Luk høringen før fristen' }).check();
  await page.getByRole('button', { name: 'Skift status' }).click();
  await expect(page.getByText('Til godkendelse').first()).toBeVisible();
  await logout(page);

  await loginAs(page, 'demo-naestved');
  await page.goto(base + '/godkendelse');
  await page.getByRole('link', { name: 'Registrér beslutning for Næstved Kommune' }).click();
  await page.getByLabel('Dato').fill('1999-11-19');
  await page.getByRole('button', { name: 'Gem beslutning' }).click();
  await expect(page.getByText(/Beslutningsdatoen kan ikke ligge før arbejdet med aftalen startede/).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Dato').fill('2026-11-19');
  await page.getByLabel('Reference').fill('Byrådets møde 19.11.2026, punkt 7');
  await page.getByRole('button', { name: 'Gem beslutning' }).click();
  await expect(page.getByText('1 af 18 har godkendt')).toBeVisible();
  await expect(page.getByRole('link', { name: /Registrér beslutning for Holbæk/ })).toHaveCount(0);
  await logout(page);

  await loginAs(page, 'demo-sekretariat');
  for (let n = 2; n <= 18; n++) {
    await page.goto(base + '/godkendelse');
    const pending = page.getByRole('row').filter({ hasText: 'Afventer' }).first();
    await pending.getByRole('link', { name: /Registrér/ }).click();
    await page.getByLabel('Dato').fill('2026-11-20');
    await page.getByRole('button', { name: 'Gem beslutning' }).click();
    await expect(page.getByText(`${n} af 18 har godkendt`)).toBeVisible();
  }
  await page.goto(base);
  await expect(page.getByText('18 af 18 har godkendt')).toBeVisible();
  await expect(page.locator('.ramme-tag', { hasText: 'Godkendt' })).toBeVisible();
  await expectAccessible(page);
});
