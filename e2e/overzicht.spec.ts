/**
 * Mo's Monday morning (JOURNEYS.md, Mo step 4): he signs in and lands on his overzicht — the family where nothing
 * has moved and the overdue actions first, each signal with its reason in plain Dutch, the Big Five as five cells
 * with words — and a row opens the plan. It works with a keyboard, on a 360 px phone as cards, refreshes without a
 * reload, and has no serious accessibility issue. Families and their network have no overzicht: 404, page and API.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yIssues, signInAs } from './fixtures';
import { signInOverHttp } from './live';

const rowsOf = (page: Page) => page.getByTestId('overzicht-row');
const rowOf = (page: Page, household: string) => page.locator(`[data-testid="overzicht-row"][data-household="${household}"]`);

test("Mo's Monday morning: the stalled family and overdue actions first, a signal's reason, the row opens the plan", async ({ browser }) => {
  const { context, page } = await signInAs(browser, 'Mo Ait Taleb');
  await expect(page).toHaveURL(/\/overzicht$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeVisible();
  const rows = rowsOf(page);
  expect(await rows.count()).toBeGreaterThanOrEqual(30);

  // First the family where nothing has moved for weeks, with overdue actions; the next ones have overdue actions too.
  const first = rows.first();
  await expect(first).toHaveAttribute('data-household', 'Familie Dijkstra');
  await expect(first).toHaveAttribute('data-signals', /\bstalled\b/);
  await expect(first).toHaveAttribute('data-signals', /\boverdue\b/);
  for (let i = 0; i < 3; i++) expect(Number(await rows.nth(i).getAttribute('data-overdue')), `row ${i + 1} has overdue actions`).toBeGreaterThan(0);
  await expect(
    first.getByTestId('signal-reason').filter({ hasText: /^Al \d+ weken geen beweging: geen beoordeling, geen actie afgerond, geen wijziging/ }),
  ).toBeVisible();
  await expect(first.getByTestId('overdue')).toContainText(/\d+ acties?/);
  // The Big Five as five cells, each with a word (never colour alone).
  const cells = first.locator('[data-testid^="bigfive-"]');
  await expect(cells).toHaveCount(5);
  for (let i = 0; i < 5; i++) await expect(cells.nth(i)).toContainText(/stabiel|vooruit|gelijk|achteruit|open doelen|geen doelen/);
  // A signal offers the doorbraaktafel (for now: the plan's tafel section).
  await expect(first.getByTestId('ask-table')).toHaveText('Vraag de doorbraaktafel om hulp');
  await expect(first.getByTestId('ask-table')).toHaveAttribute('href', /^\/plannen\/[0-9a-f-]{36}\?sectie=tafel$/);
  // Other signals of his caseload are there with their reasons.
  await expect(
    rowOf(page, 'Familie Benali')
      .getByTestId('signal-reason')
      .filter({ hasText: /^Uithuisplaatsing dreigt: / }),
  ).toBeVisible();
  await expect(
    rowOf(page, 'Familie Öztürk')
      .getByTestId('signal-reason')
      .filter({ hasText: /verbroken .* en nog niet aan een tafel besproken\.$/ }),
  ).toBeVisible();
  await expect(
    rowOf(page, 'Familie Hoekstra').getByTestId('signal-reason').filter({ hasText: 'Er is geen casusregisseur benoemd: niemand houdt het geheel bij elkaar.' }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/overzicht-desktop.png', fullPage: true });
  await expectNoSeriousA11yIssues(page);

  // Search and filters narrow the list, and live in the address bar.
  await page.getByLabel('Zoek op gezinsnaam').fill('jansen');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-household', 'Familie Jansen');
  await expect(page).toHaveURL(/zoek=jansen/);
  await page.getByLabel('Zoek op gezinsnaam').fill('');
  await page.getByLabel('Signaal').selectOption({ label: 'Uithuisplaatsing dreigt' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-household', 'Familie Benali');
  await page.getByLabel('Signaal').selectOption('alle');
  await page.getByLabel('Mijn rol').selectOption('casusregisseur');
  const own = await rows.count();
  expect(own).toBeGreaterThanOrEqual(24);
  for (const household of ['Familie El Amrani', 'Familie Bos']) await expect(rowOf(page, household)).toHaveCount(0);
  await page.getByLabel('Mijn rol').selectOption('alle');
  await expect(page.getByTestId('overzicht-count')).toContainText(`${await rows.count()} van ${await rows.count()} gezinnen`);

  // With the keyboard alone: the family's link is reachable, and Enter opens the plan.
  const link = first.getByRole('link', { name: 'Familie Dijkstra' });
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/plannen\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Familie Dijkstra' })).toBeVisible();
  await context.close();
});

test('the overzicht refreshes without a reload: a placement threat set on the plan page appears as a signal', async ({ browser }) => {
  const { context, page } = await signInAs(browser, 'Mo Ait Taleb');
  await expect(page).toHaveURL(/\/overzicht$/);
  const jansen = rowOf(page, 'Familie Jansen');
  await expect(jansen).not.toHaveAttribute('data-signals', /\bplacement\b/);

  // In a second tab Mo, casusregisseur of Familie Jansen, reports a threatened placement on the plan page.
  const tab = await context.newPage();
  await tab.goto((await jansen.getByRole('link', { name: 'Familie Jansen' }).getAttribute('href')) ?? '');
  const flag = tab.getByTestId('placement-flag');
  await flag.locator('summary').click();
  await expect(tab.getByTestId('placement-state')).toContainText('Er dreigt nu geen uithuisplaatsing.');
  await tab.getByTestId('placement-set').click();
  await expect(tab.getByTestId('placement-error')).toContainText('Schrijf kort op waarom.');
  const reason = `Sanne kan de zorg even niet aan (${Date.now()})`;
  await tab.getByTestId('placement-reason').fill(reason);
  await tab.getByTestId('placement-set').click();
  await expect(tab.getByTestId('placement-state')).toContainText(`Er dreigt een uithuisplaatsing: ${reason}`);
  await expectNoSeriousA11yIssues(tab);

  // Back on the overzicht, without reloading: the refresh brings the signal, with the reason as Mo wrote it.
  await page.bringToFront();
  await page.getByRole('button', { name: 'Nu bijwerken' }).click();
  await expect(jansen).toHaveAttribute('data-signals', /\bplacement\b/);
  await expect(jansen.getByTestId('signal-reason').first()).toHaveText(new RegExp(`^Uithuisplaatsing dreigt: ${reason.replace(/[()]/g, '\\$&')} \\(sinds `));

  // Lifted again (the history keeps both), and the signal is gone.
  await tab.getByTestId('placement-reason').fill('Oma Ria vangt de kinderen op.');
  await tab.getByTestId('placement-lift').click();
  await expect(tab.getByTestId('placement-state')).toContainText('Er dreigt nu geen uithuisplaatsing.');
  await page.getByRole('button', { name: 'Nu bijwerken' }).click();
  await expect(jansen).not.toHaveAttribute('data-signals', /\bplacement\b/);
  await context.close();
});

test('on a 360 px phone the rows are cards, nothing scrolls sideways, and the row still opens the plan', async ({ browser }) => {
  const { context, page } = await signInAs(browser, 'Mo Ait Taleb', { width: 360, height: 800 });
  await expect(page).toHaveURL(/\/overzicht$/);
  const first = rowsOf(page).first();
  await expect(first).toBeVisible();
  await expect(first).toHaveAttribute('data-household', 'Familie Dijkstra');
  // Cards: each cell says what it is (the column headers are for screen readers only).
  await expect(first.getByText('Te laat', { exact: true })).toBeVisible();
  const box = await first.boundingBox();
  expect(box?.width ?? 999).toBeLessThanOrEqual(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: 'test-results/overzicht-phone.png', fullPage: true });
  await expectNoSeriousA11yIssues(page);
  await first.getByRole('link', { name: 'Familie Dijkstra' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Familie Dijkstra' })).toBeVisible();
  await context.close();
});

test('families and their network have no overzicht: 404 on the page and the API; they land on "Mijn plannen"', async ({ browser, baseURL }) => {
  for (const name of ['Sanne Jansen', 'Ria Jansen']) {
    const { context, page } = await signInAs(browser, name, { width: 360, height: 800 });
    await expect(page, `${name} lands on Mijn plannen`).toHaveURL(/\/plannen$/);
    const response = await page.goto('/overzicht');
    expect(response?.status(), `${name}: /overzicht`).toBe(404);
    await expect(page.getByRole('heading', { name: 'Niet gevonden' })).toBeVisible();
    expect((await page.request.get('/api/overzicht')).status(), `${name}: GET /api/overzicht`).toBe(404);
    await context.close();
  }
  // The municipality's contract manager has no overzicht either (he sees the region's figures).
  const jeroen = await signInOverHttp(baseURL ?? '', 'jeroen@demo.onsplan.nl');
  expect((await jeroen.api.get('/overzicht')).status()).toBe(404);
  expect((await jeroen.api.get('/api/overzicht')).status()).toBe(404);
  await jeroen.api.dispose();
  // Without a session: 401 from the API, the sign-in page for the page.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get('/api/overzicht')).status()).toBe(401);
  const page = await anonymous.newPage();
  await page.goto('/overzicht');
  await expect(page).toHaveURL(/\/inloggen/);
  await anonymous.close();
});

test('the API answers the same rows as the page, never cached', async ({ baseURL }) => {
  const mo = await signInOverHttp(baseURL ?? '', 'mo@demo.onsplan.nl');
  const res = await mo.api.get('/api/overzicht');
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toContain('no-store');
  const body = (await res.json()) as { rows: { householdName: string; isCasusregisseur: boolean; signals: { kind: string; reason: string }[] }[] };
  expect(body.rows[0]?.householdName).toBe('Familie Dijkstra');
  expect(body.rows[0]?.signals.find((s) => s.kind === 'stalled')?.reason).toMatch(/^Al \d+ weken geen beweging/);
  // His own families first.
  const firstOther = body.rows.findIndex((r) => !r.isCasusregisseur);
  expect(body.rows.slice(firstOther).every((r) => !r.isCasusregisseur)).toBe(true);
  await mo.api.dispose();
});
