/**
 * Browser tests for standard contracts: every contract page passes axe; the flow — a case worker reserves a
 * public place, the operator confirms, the case worker drafts the contract, completes its terms and sends it,
 * the operator accepts; a private purchase is stopped until the public-first check is recorded.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, loginAs, watchConsole } from './helpers.js';

const logout = async (page: Page) => {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByRole('link', { name: 'Log ind' }).first()).toBeVisible();
};

const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
const addMonths = (d: string, m: number) => {
  const x = new Date(`${d}T12:00:00Z`);
  x.setUTCMonth(x.getUTCMonth() + m);
  return x.toISOString().slice(0, 10);
};

/** Searches with the municipality filter, reserves the first row matching `rowText`, and returns the offering's name. */
async function reserve(page: Page, rowText: RegExp | string, municipality: string | null, caseReference: string) {
  await page.goto('/pladser/soeg');
  if (municipality) await page.getByRole('group', { name: 'Kommuner' }).getByLabel(municipality, { exact: true }).check();
  await page.getByLabel('Kun tilbud med en ledig plads nu eller senest på startdatoen').check();
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  const row = page.getByRole('table', { name: 'Tilbud, der matcher søgningen' }).locator('tbody tr').filter({ hasText: rowText }).first();
  const name = (await row.locator('td').first().getByRole('link').textContent())!.trim();
  await row.getByRole('link', { name: /Reservér/ }).click();
  await page.getByLabel('Sagsnummer').fill(caseReference);
  await page.getByLabel('Startdato').fill(inTwoWeeks());
  await page.getByRole('button', { name: 'Reservér plads' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Reservation ${caseReference}`);
  return name;
}

async function confirm(page: Page, operator: string, caseReference: string) {
  await logout(page);
  await loginAs(page, operator);
  await page.goto('/pladser/reservationer');
  await page.getByRole('link', { name: caseReference }).click();
  await page.getByRole('button', { name: 'Bekræft reservationen' }).click();
  await expect(page.locator('main')).toContainText('Bekræftet');
  await logout(page);
  await loginAs(page, 'demo-myndighed');
  await page.goto('/pladser/reservationer');
  await page.getByRole('link', { name: caseReference }).click();
  await page.getByRole('button', { name: 'Opret kontraktkladde' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Vilkår for kontrakt ${caseReference}`);
}

async function fillTerms(page: Page) {
  const start = inTwoWeeks();
  await page.getByLabel('Handlekommunens afdeling').fill('Socialafdelingen, Voksenhandicap');
  await page.getByLabel('Handlekommunens EAN-nummer').fill('5798000123456');
  await page.getByLabel('Kontaktperson hos handlekommunen').fill('Mette Myndighed');
  await page.getByLabel('Leverandørens EAN-nummer').fill('5798000654321');
  await page.getByLabel('Kontaktperson hos leverandøren').fill('Lars Leder');
  await page.getByLabel('Slutdato', { exact: true }).fill(addMonths(start, 12));
  await page.getByLabel('Forventet varighed i måneder').fill('12');
  await page.getByLabel('Mål for indsatsen').fill('Borgeren bliver mere selvhjulpen i egen bolig; støtten trappes ned.');
  await page.getByLabel('Opfølgning 1').fill(addMonths(start, 2));
  await page.getByLabel('Betaling', { exact: true }).selectOption('bagud');
  await page.getByLabel('Betalingsfrist i dage efter modtaget faktura').fill('30');
  await page.getByRole('button', { name: 'Gem vilkårene' }).click();
  await expect(page.getByText('Kontrakten er gemt.')).toBeVisible();
}

test('a public place: reserved, confirmed, drafted, completed, sent and accepted', async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, 'demo-myndighed');
  await reserve(page, 'Offentligt tilbud med ledig plads', 'Holbæk Kommune', 'HOL-E2E-K1');
  await confirm(page, 'demo-tilbudsoekonomi', 'HOL-E2E-K1');
  await expectAccessible(page);

  // Paying 60 days is refused on the field; the input stays.
  await page.getByLabel('Betalingsfrist i dage efter modtaget faktura').fill('60');
  await page.getByRole('button', { name: 'Gem vilkårene' }).click();
  await expect(page.getByRole('alert')).toContainText('30 dage');
  await expectAccessible(page);
  await fillTerms(page);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send kontrakten til leverandøren' }).click();
  await expect(page.locator('main')).toContainText('Sendt til leverandør');
  await logout(page);

  await loginAs(page, 'demo-tilbudsoekonomi');
  await page.goto('/pladser/kontrakter?state=sendt');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'HOL-E2E-K1' }).click();
  await page.getByRole('button', { name: 'Acceptér kontrakten' }).click();
  await expect(page.locator('main')).toContainText('Status: Accepteret');
  await expectAccessible(page);
  const pdf = await page.request.get(`${page.url().split('?')[0]}/kontrakt.pdf`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
});

test('a private purchase is stopped until the public-first check is recorded; the reader sees counts only', async ({ page }) => {
  await loginAs(page, 'demo-leverandoer');
  await page.goto('/pladser');
  const withPlace = page.locator('tbody tr').filter({ hasNot: page.locator('td.ramme-num', { hasText: /^(0|–)$/ }) });
  const href = (await withPlace
    .first()
    .getByRole('link', { name: /^Meld pladser for / })
    .getAttribute('href'))!;
  await logout(page);
  await loginAs(page, 'demo-myndighed');
  // A search is kept (the check points to it); then the provider's offering is reserved from its own form.
  await page.goto('/pladser/soeg?soeg=1&onlyFree=on');
  await page.goto(`${href}/reserver`);
  await expectAccessible(page);
  await page.getByLabel('Sagsnummer').fill('HOL-E2E-P1');
  await page.getByLabel('Startdato').fill(inTwoWeeks());
  await page.getByRole('button', { name: 'Reservér plads' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reservation HOL-E2E-P1');
  await confirm(page, 'demo-leverandoer', 'HOL-E2E-P1');
  await fillTerms(page);
  await page.getByRole('button', { name: 'Send kontrakten til leverandøren' }).click();
  await expect(page.getByRole('alert')).toContainText('Tjek af offentlige tilbud');
  await expectAccessible(page);

  await page.getByLabel('Søgning, købet henviser til').selectOption({ index: 1 });
  await page.getByLabel('Begrundelse for at købe privat').selectOption('afstand');
  await page.getByLabel('Uddybning').fill('Borgerens familie bor tæt på tilbuddet.');
  await page.getByRole('button', { name: 'Gem tjekket' }).click();
  await expect(page.getByText('Kontrakten er gemt.')).toBeVisible();
  await page.getByRole('button', { name: 'Send kontrakten til leverandøren' }).click();
  await expect(page.locator('main')).toContainText('Sendt til leverandør');
  await logout(page);

  await loginAs(page, 'demo-laeser');
  await page.goto('/pladser/kontrakter');
  await expect(page.getByRole('table', { name: 'Antal kontrakter pr. status' })).toBeVisible();
  await expect(page.locator('main')).not.toContainText('HOL-E2E');
  await expectAccessible(page);
});

test('the case worker imports existing contracts: a file with errors is reported per row, a good one is saved', async ({ page }) => {
  const errors = watchConsole(page);
  await loginAs(page, 'demo-myndighed');
  await page.goto('/pladser/kontrakter');
  await page.getByRole('link', { name: /Importér kommunens eksisterende kontrakter/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importér eksisterende kontrakter');
  await expectAccessible(page);

  const list = await page.request.get('/api/offerings?municipality=316');
  const offeringId = (await list.json()).items[0].id as number;
  const header = 'tilbud_id;sagsnummer;startdato;slutdato;standardkontrakt';
  const upload = async (rows: string[]) => {
    await page.setInputFiles('#fil', { name: 'kontrakter.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
    await page.getByRole('button', { name: 'Importér' }).click();
  };
  await upload([`${offeringId};HOL-E2E-IMP-1;2023-03-01;;nej`, `${offeringId};010190-1234;2023-03-01;;nej`, `999999;HOL-E2E-IMP-2;2023-03-01;;ja`]);
  await expect(page.getByText('Intet er importeret')).toBeVisible();
  await expect(page.locator('#importfejl')).toContainText('sagsnummer');
  await expect(page.locator('#importfejl')).toContainText('tilbud_id');
  await expect(page.locator('main')).not.toContainText('010190');
  await expectAccessible(page);

  await upload([`${offeringId};HOL-E2E-IMP-1;2023-03-01;;nej`]);
  await expect(page.getByText('Importen er gennemført')).toBeVisible();
  await expect(page.locator('main')).toContainText('1 på kommunens egen skabelon');
  await expectAccessible(page);
  expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
});
