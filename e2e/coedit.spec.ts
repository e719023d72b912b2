import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yIssues, openPlan, signInAs } from './fixtures';

test('a parent and the regisseur co-edit the family section live, see each other, and the text survives a reload', async ({ browser }) => {
  const sanne = await signInAs(browser, 'Sanne Jansen', { width: 390, height: 844 });
  const mo = await signInAs(browser, 'Mo Ait Taleb');
  await openPlan(sanne.page, 'Familie Jansen');
  await openPlan(mo.page, 'Familie Jansen');

  const sanneEditor = sanne.page.getByTestId('section-editor');
  const moEditor = mo.page.getByTestId('section-editor');
  // The seeded family text is there for both.
  await expect(sanneEditor).toContainText('Daan voetbalt graag');
  await expect(moEditor).toContainText('Daan voetbalt graag');
  await expect(sanne.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');

  // Sanne types; Mo sees it without reloading.
  const sanneWords = `Sanne schrijft: rust in huis ${Date.now()}`;
  await sanneEditor.click();
  await sanne.page.keyboard.press('Control+End');
  await sanne.page.keyboard.press('Enter');
  await sanne.page.keyboard.type(sanneWords);
  await expect(moEditor).toContainText(sanneWords);

  // Mo types; Sanne sees it, and sees Mo's caret with his name, and Mo in "who is here".
  const moWords = `Mo vult aan ${Date.now()}`;
  await moEditor.click();
  await mo.page.keyboard.press('Control+End');
  await mo.page.keyboard.press('Enter');
  await mo.page.keyboard.type(moWords);
  await expect(sanneEditor).toContainText(moWords);
  await expect(sanne.page.locator('.collaboration-carets__label', { hasText: 'Mo Ait Taleb' })).toBeVisible();
  await expect(sanne.page.getByTestId('presence')).toContainText('Mo Ait Taleb');
  await expect(mo.page.getByTestId('presence')).toContainText('Sanne Jansen');

  await sanne.page.screenshot({ path: 'test-results/coedit-phone.png', fullPage: true });
  await mo.page.screenshot({ path: 'test-results/coedit-desktop.png', fullPage: true });

  // After a reload the words are still there (stored on the server, not just in memory).
  await sanne.page.reload();
  await expect(sanne.page.getByTestId('section-editor')).toContainText(sanneWords);
  await expect(sanne.page.getByTestId('section-editor')).toContainText(moWords);
  await expectNoSeriousA11yIssues(sanne.page);

  await sanne.context.close();
  await mo.context.close();
});

test('sign-out ends the session: the plans are no longer reachable', async ({ browser }) => {
  const { context, page } = await signInAs(browser, 'Peter de Vries');
  await expectNoSeriousA11yIssues(page);
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/inloggen/);
  await page.goto('/plannen');
  await expect(page).toHaveURL(/\/inloggen/);
  const api = await page.request.get('/api/plans');
  expect(api.status()).toBe(401);
  await expectNoSeriousA11yIssues(page);
  await context.close();
});

test('the sign-in page offers demo people and a magic link that lands in the local outbox', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill('sanne@demo.onsplan.nl');
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  await expect(page).toHaveURL(/check-je-mail/);
  await page.goto('/outbox');
  const mail = page.getByTestId('outbox-mail').first();
  await expect(mail).toContainText('sanne@demo.onsplan.nl');
  await mail.getByRole('link', { name: 'Open de link' }).click();
  await expect(page).toHaveURL(/\/plannen$/);
  await expect(page.getByTestId('signed-in-as')).toContainText('Sanne Jansen');
  await context.close();
});

test("a parent sees only her own plans; someone else's plan id answers as not found", async ({ browser }) => {
  const { context, page } = await signInAs(browser, 'Sanne Jansen');
  const res = await page.request.get('/api/plans');
  const body = (await res.json()) as { plans: { householdName: string; role: string }[] };
  expect(body.plans).toEqual([expect.objectContaining({ householdName: 'Familie Jansen', role: 'ouder' })]);
  const people = (await (await page.request.get('/api/demo/people')).json()) as {
    people: { email: string; plans: { planId: string; householdName: string }[] }[];
  };
  const other = people.people.flatMap((p) => p.plans).find((p) => p.householdName === 'Familie El Amrani');
  expect(other).toBeDefined();
  const response = await page.goto(`/plannen/${other?.planId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Niet gevonden' })).toBeVisible();
  await context.close();
});

test('health reports the database, the bus and the version', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { status: string; database: string; bus: string; version: string };
  expect(body).toEqual(
    expect.objectContaining({
      status: 'ok',
      database: process.env.E2E_DATABASE_URL ? 'postgres' : 'pglite',
      bus: process.env.REDIS_URL ? 'redis' : 'local',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    }),
  );
});
