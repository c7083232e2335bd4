/**
 * Browser tests for the increase watch: the report to the socialtilsyn and the steering group's review offer a
 * link to a tariff only when the reader may open it, so a case worker or a reader never lands on a refusal.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, loginAs } from './helpers.js';

const YEAR = new Date().getFullYear();
const PAGES = [
  ...[YEAR - 1, YEAR].flatMap((y) => [`/takster/indberetning?area=sjaelland&periode=${y}-1`, `/takster/indberetning?area=sjaelland&periode=${y}-2`]),
  '/takster/styregruppe?area=sjaelland',
  `/takster/styregruppe?area=sjaelland&dato=${YEAR}-03-15`,
];

async function tariffLinksOpen(page: Page) {
  let links = 0;
  for (const path of PAGES) {
    await page.goto(path);
    const hrefs = await page
      .locator('main a[href^="/takster/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!).filter((h) => /^\/takster\/\d+$/.test(h)));
    for (const href of hrefs) {
      const answer = await page.request.get(href);
      expect(answer.status(), `${href} fra ${path}`).toBe(200);
    }
    links += hrefs.length;
  }
  return links;
}

for (const user of ['demo-myndighed', 'demo-laeser']) {
  test(`${user} is offered only tariff links it may open on the report and the steering group's review`, async ({ page }) => {
    await loginAs(page, user);
    expect(await tariffLinksOpen(page)).toBeGreaterThan(0);
    await page.goto(PAGES[0]!);
    await expectAccessible(page);
  });
}

test('the secretariat still gets a link to every flagged tariff', async ({ page }) => {
  await loginAs(page, 'demo-sekretariat');
  await page.goto('/takster/styregruppe?area=sjaelland');
  const rows = await page
    .locator('main table tbody tr')
    .filter({ has: page.locator('td small') })
    .count();
  const links = await page.locator('main table tbody tr td a[href^="/takster/"]').count();
  expect(links).toBe(rows);
});

test('the secretariat records the half-year’s report as sent, and the steering group’s review shows what was reported when', async ({ page }) => {
  const report = `/takster/indberetning?area=sjaelland&periode=${YEAR - 1}-2`;
  await loginAs(page, 'demo-sekretariat');
  await page.goto(report);
  await expect(page.locator('#status + p')).toContainText('Ikke sendt.');
  await expectAccessible(page);
  // A missing sender is refused with a message naming the field, and nothing is recorded.
  await page.getByLabel('Sendt den').fill(`${YEAR}-01-10`);
  await page.getByRole('button', { name: 'Registrér som sendt' }).click();
  await expect(page.getByRole('link', { name: /Sendt af/ })).toBeVisible();
  await expect(page.locator('#status + p')).toContainText('Ikke sendt.');
  await expectAccessible(page);
  await page.getByLabel('Sendt af', { exact: false }).fill('Sara Sekretariat');
  await page.getByLabel('Reference (fx journalnummer)').fill('J.nr. 2026-0042');
  await page.getByRole('button', { name: 'Registrér som sendt' }).click();
  await expect(page.getByText('Indberetningen er registreret som sendt.')).toBeVisible();
  await expect(page.locator('#status + p')).toContainText(`Sendt til socialtilsynet 10. januar ${YEAR} af Sara Sekretariat, reference J.nr. 2026-0042.`);
  await expect(page.getByRole('button', { name: 'Registrér som sendt' })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto('/takster/styregruppe?area=sjaelland');
  const reports = page.getByRole('table', { name: 'Indberetninger af takststigninger til socialtilsynet, Rammeaftale Sjælland' });
  await expect(reports).toContainText(`2. halvår ${YEAR - 1}`);
  await expect(reports).toContainText('J.nr. 2026-0042');
  await expectAccessible(page);
});

test('a reader sees the report’s status but cannot record it', async ({ page }) => {
  await loginAs(page, 'demo-laeser');
  await page.goto(`/takster/indberetning?area=sjaelland&periode=${YEAR - 1}-1`);
  await expect(page.locator('#status + p')).toContainText('Ikke sendt.');
  await expect(page.getByRole('button', { name: 'Registrér som sendt' })).toHaveCount(0);
});
