/**
 * Browser tests for the cooperation's meetings and national announcements: every page passes axe, for the
 * secretariat and for a municipality's case worker, and a municipality can open its own answer form.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, loginAs, watchConsole } from './helpers.js';

/** The first link on the page whose address matches `pattern`. */
async function firstHref(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern}`).toBeTruthy();
  return href!;
}

async function visit(page: Page, url: string): Promise<void> {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page);
}

test('the secretariat walks the meetings: list, a meeting, its forms and the minutes', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await loginAs(page, 'demo-sekretariat');
  await visit(page, '/samarbejde/moeder');
  const meeting = await firstHref(page, /^\/samarbejde\/moeder\/\d+$/);
  await visit(page, meeting);
  await visit(page, `${meeting}/ret`);
  await visit(page, `${meeting}/referat`);
  await page.goto(meeting);
  const body = (await firstHref(page, /^\/samarbejde\/organer\/\d+$/)).split('/').pop();
  await visit(page, `/samarbejde/moeder?body=${body}`);
  await visit(page, await firstHref(page, /^\/samarbejde\/moeder\/nyt\?body=\d+$/));
  const calendar = await page.request.get('/samarbejde/moeder/min-kalender.ics');
  expect(calendar.status()).toBe(200);
  expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
  expect(errors).toEqual([]);
});

test('the secretariat walks the announcements: list, one announcement, the area’s overview and report, the forms', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await loginAs(page, 'demo-sekretariat');
  await visit(page, '/samarbejde/udmeldinger');
  const announcement = await firstHref(page, /^\/samarbejde\/udmeldinger\/\d+$/);
  await visit(page, announcement);
  await visit(page, `${announcement}/rediger`);
  await page.goto(announcement);
  await visit(page, await firstHref(page, /^\/samarbejde\/udmeldinger\/\d+\/omraader\/[^/]+$/));
  await visit(page, '/samarbejde/udmeldinger/ny');
  expect(errors).toEqual([]);
});

test('a municipality’s case worker opens an announcement and its own answer form', async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, 'demo-myndighed');
  await visit(page, '/samarbejde/udmeldinger');
  const announcement = await firstHref(page, /^\/samarbejde\/udmeldinger\/\d+$/);
  await visit(page, announcement);
  await visit(page, `${announcement}/svar`);
});
