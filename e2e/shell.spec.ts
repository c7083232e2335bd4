/**
 * Browser tests of the page shell a new user meets first: the login page at 1280 px, and the main menu at
 * 360 px as DKFDS's mobile navigation (a menu button), with and without JavaScript.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs } from './helpers.js';

test.describe('the login page at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 900 } });
  test('demo-user buttons hold their name and subtitle, and the header’s “Log ind” does not point back to itself', async ({ page }) => {
    await page.goto('/login?next=%2Ftilbud');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Log ind' })).toHaveAttribute('href', '/login');
    const buttons = page.locator('form[action="/login/demo"] button');
    expect(await buttons.count()).toBeGreaterThanOrEqual(5);
    const spilled = await buttons.evaluateAll((els) =>
      els.flatMap((b) => {
        const box = b.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(b);
        const text = range.getBoundingClientRect();
        const out = text.left < box.left - 0.5 || text.right > box.right + 0.5 || text.bottom > box.bottom + 0.5 || b.scrollWidth > b.clientWidth;
        return out ? [b.textContent?.trim()] : [];
      }),
    );
    expect(spilled).toEqual([]);
    await expectAccessible(page);
    // The choice of user keeps where the user was going.
    await buttons.first().click();
    await expect(page).toHaveURL(/\/tilbud$/);
  });
});

test.describe('the main menu at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('is a menu button that opens the links as a list, not a menu wrapping onto two lines', async ({ page }) => {
    await loginAs(page, 'demo-myndighed');
    await page.goto('/tilbud');
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    const button = nav.getByText('Menu', { exact: true });
    await expect(button).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Takster' })).toBeHidden();
    const closed = (await nav.boundingBox())!.height;
    expect(closed).toBeLessThan(80);
    await button.click();
    const links = nav.getByRole('link');
    await expect(links.filter({ visible: true })).toHaveCount(await nav.locator('.ramme-nav__mobile-list a').count());
    const boxes = await nav.locator('.ramme-nav__mobile-list a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().top));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!).toBeGreaterThan(boxes[i - 1]!);
    await expect(nav.getByRole('link', { name: 'Tilbud' })).toHaveAttribute('aria-current', 'page');
    await expectAccessible(page);
    await nav.getByRole('link', { name: 'Takster' }).click();
    await expect(page).toHaveURL(/\/takster/);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the menu button still opens the menu', async ({ page }) => {
      await page.goto('/login');
      const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
      await nav.getByText('Menu', { exact: true }).click();
      await expect(nav.getByRole('link', { name: 'Takster' })).toBeVisible();
    });
  });
});

test.describe('the main menu at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 900 } });
  test('shows its links on one line without a menu button', async ({ page }) => {
    await page.goto('/login');
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    await expect(nav.getByText('Menu', { exact: true })).toBeHidden();
    await expect(nav.getByRole('link', { name: 'Takster' })).toBeVisible();
  });
});
