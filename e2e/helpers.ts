/**
 * Shared steps for browser tests: sign in as a demo user through the login page, and check a page with
 * axe (WCAG 2.1 A and AA) expecting zero violations.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export async function loginAs(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page
    .locator('form[action="/login/demo"]')
    .filter({ has: page.locator(`input[value="${username}"]`) })
    .getByRole('button')
    .click();
  await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible();
}

export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(summary, `axe-overtrædelser på ${page.url()}`).toEqual([]);
}

/** Fails the test on console errors (a missing favicon, a script error). */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
