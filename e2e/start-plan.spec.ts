import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yIssues, signInAs } from './fixtures';

test('a local-team professional starts a plan and becomes its casusregisseur; mistakes are explained and nothing typed is lost', async ({ browser }) => {
  const { context, page } = await signInAs(browser, 'Mo Ait Taleb', { width: 390, height: 844 });
  await page.getByRole('link', { name: 'Nieuw plan starten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan starten' })).toBeVisible();
  const name = `Familie Test ${Date.now()}`;
  await page.getByLabel('Naam van het gezin').fill(name);
  await page.getByLabel('Naam (persoon 1)').fill('Anna Test');
  await page.getByLabel('Naam (persoon 2)').fill('Bram Test');
  await page.getByLabel('Eerste samenvatting').fill('Intake aan de keukentafel: rust in huis en school.');
  // The child's birth date is missing: the form says why and keeps everything.
  await page.getByRole('button', { name: 'Plan starten' }).click();
  await expect(page.locator('form').getByRole('alert')).toContainText('geboortedatum');
  await expect(page.getByTestId('form-errors')).toBeFocused();
  await expect(page.getByLabel('Naam van het gezin')).toHaveValue(name);
  await expectNoSeriousA11yIssues(page);

  await page.getByLabel('Geboortedatum').nth(1).fill('2015-04-03');
  await page.getByRole('button', { name: 'Plan starten' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Casusregisseur: Mo Ait Taleb')).toBeVisible();
  await expect(page.getByText('Status: concept')).toBeVisible();
  await page.goto('/plannen');
  await expect(page.getByTestId('my-plans')).toContainText(name);
  await context.close();
});

test('only local-team professionals can start plans', async ({ browser }) => {
  const { context, page } = await signInAs(browser, 'Sanne Jansen');
  await expect(page.getByRole('link', { name: 'Nieuw plan starten' })).toHaveCount(0);
  expect((await page.goto('/plannen/nieuw'))?.status()).toBe(404);
  const origin = new URL(page.url()).origin;
  const res = await page.request.post('/api/plans', {
    headers: { origin },
    data: { householdName: 'Familie X', kader: 'vrijwillig', summary: '', people: [{ name: 'K', relation: 'kind', birthDate: '2015-01-01', gezag: false }] },
  });
  expect(res.status()).toBe(403);
  const crossSite = await page.request.post('/api/plans', { headers: { origin: 'https://evil.example' }, data: {} });
  expect(crossSite.status()).toBe(403);
  await context.close();
});
