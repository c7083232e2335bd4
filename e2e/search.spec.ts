/**
 * Browser tests of the register's search as a case worker meets it: several values per filter and an age,
 * filters that wait for the button (WCAG 3.2.2 On Input), fields that show their whole choice and line up,
 * and the count said once.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs } from './helpers.js';

test.use({ viewport: { width: 1280, height: 900 } });

test('a case worker looks for § 107 or § 108 for a 10-year-old; moving through a list does not reload the page', async ({ page }) => {
  await loginAs(page, 'demo-myndighed');
  await page.goto('/tilbud');
  await expectAccessible(page);

  // One arrow key in a select changes its value but neither sends the form nor moves focus.
  const municipality = page.getByLabel('Kommune', { exact: true });
  await municipality.focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(1000);
  await expect(page).toHaveURL(/\/tilbud$/);
  await expect(municipality).toBeFocused();
  await page.keyboard.press('ArrowUp');

  await page.locator('summary', { hasText: 'Lovgrundlag' }).click();
  await page.getByLabel(/^SEL § 107:/).check();
  await page.getByLabel(/^SEL § 108:/).check();
  await page.getByLabel('Borgerens alder (år)').fill('10');
  await page.getByRole('button', { name: 'Vis tilbud' }).click();
  await expect(page).toHaveURL(/legalBasis=SEL-107&legalBasis=SEL-108/);
  await expect(page).toHaveURL(/age=10/);
  await expect(page.getByText('Lovgrundlag (2 valgt)')).toBeVisible();
  await expect(page.getByLabel(/^SEL § 107:/)).toBeChecked();
  await expect(page.getByLabel(/^SEL § 108:/)).toBeChecked();
  await expect(page.getByLabel('Borgerens alder (år)')).toHaveValue('10');
  await expect(page.getByText('blev ignoreret')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'tilbud fundet' })).toBeVisible();
  await expectAccessible(page);
});

test('the filters show their whole choice, line up, and the number found is said once', async ({ page }) => {
  await loginAs(page, 'demo-myndighed');
  await page.goto('/tilbud?pageSize=500');
  // Every select is wide enough for its longest option.
  const cut = await page.locator('.ramme-filters select').evaluateAll((selects) =>
    selects.flatMap((el) => {
      const s = el as HTMLSelectElement;
      const cs = getComputedStyle(s);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = s.clientWidth - Number.parseFloat(cs.paddingLeft) - Number.parseFloat(cs.paddingRight);
      return [...s.options].filter((o) => ctx.measureText(o.text).width > room).map((o) => `${s.name}: ${o.text}`);
    }),
  );
  expect(cut).toEqual([]);
  // The search field's input lines up with the selects next to it.
  const search = await page.getByLabel(/^Søg/).boundingBox();
  const area = await page.getByLabel('Rammeaftale', { exact: true }).boundingBox();
  expect(Math.abs(search!.y - area!.y)).toBeLessThanOrEqual(1);
  expect(Math.abs(search!.height - area!.height)).toBeLessThanOrEqual(1);
  // One page of results: the count is said once, not again under the table.
  await expect(page.getByText(/tilbud fundet/)).toHaveCount(1);
  await expect(page.getByText(/i alt/)).toHaveCount(0);
});
