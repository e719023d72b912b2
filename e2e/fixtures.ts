import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/**
 * Signs in as a demo person in a fresh browser context, through the sign-in page like a person would. Families and
 * their network land on "Mijn plannen" (/plannen), professionals on their overzicht (/overzicht), the region's roles
 * on /regio.
 */
export async function signInAs(browser: Browser, name: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto('/inloggen');
  await page.getByRole('button', { name: new RegExp(`Inloggen als ${name}`) }).click();
  await expect(page).toHaveURL(/\/(plannen|overzicht|regio)$/);
  await expect(page.getByTestId('signed-in-as')).toContainText(name);
  return { context, page };
}

/** Opens a family's plan from the landing page ("Mijn plannen" or the overzicht: one link per family on both). */
export async function openPlan(page: Page, householdName: string): Promise<void> {
  await page.getByRole('link', { name: new RegExp(householdName) }).click();
  await expect(page.getByRole('heading', { level: 1, name: householdName })).toBeVisible();
}

/** Fails on serious or critical WCAG 2.1 AA violations on the current page. */
export async function expectNoSeriousA11yIssues(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
