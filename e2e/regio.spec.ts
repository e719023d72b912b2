/**
 * The region view as Jeroen (gemeente) sees it on a fresh demo: figures, small groups shown as "< 5", and never a
 * family's name — not in the page source, not in the CSV. Everyone without a region role gets 404, and a region
 * role opens no plan.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './fixtures';
import { signInOverHttp } from './live';

/** Signs in through the sign-in page, wherever the person lands afterwards. */
async function signIn(browser: Browser, name: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport, locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto('/inloggen');
  await page.getByRole('button', { name: new RegExp(`Inloggen als ${name}`) }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText(name);
  return { page, close: () => context.close() };
}

/** Household names and birth dates of the demo that must never reach the region view. */
const WRITTEN_HOUSEHOLDS = ['Familie Jansen', 'Familie El Amrani', 'Familie Bos'];
const BIRTH_DATES = ['1987-05-14', '1985-09-02', '2010-03-08', '2017-11-21', '1982-01-30', '2014-04-03', '1979-02-19', '2009-06-15'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Every household name the demo's professionals can see (the generated ones too), and the plans' ids. */
async function demoPlans(baseURL: string): Promise<{ names: string[]; ids: string[] }> {
  const names = new Set(WRITTEN_HOUSEHOLDS);
  const ids = new Set<string>();
  for (const email of ['mo@demo.onsplan.nl', 'fatima@demo.onsplan.nl', 'eva@demo.onsplan.nl']) {
    const session = await signInOverHttp(baseURL, email);
    const res = await session.api.get('/api/plans');
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { plans: { id: string; householdName: string }[] };
    for (const p of body.plans) {
      names.add(p.householdName);
      ids.add(p.id);
    }
    await session.api.dispose();
  }
  return { names: [...names], ids: [...ids] };
}

function expectAnonymous(text: string, plans: { names: string[]; ids: string[] }): void {
  for (const name of plans.names) expect(text, `a household name (${name})`).not.toContain(name);
  for (const id of plans.ids) expect(text, 'a plan id').not.toContain(id);
  for (const date of BIRTH_DATES) expect(text, 'a birth date').not.toContain(date);
}

test('Jeroen sees the region in figures, "< 5" for small groups, and no family anywhere in the page or the CSV', async ({ browser, baseURL }) => {
  const plans = await demoPlans(baseURL ?? '');
  expect(plans.names.length).toBeGreaterThan(10);

  const jeroen = await signIn(browser, 'Jeroen Mulder');
  const response = await jeroen.page.goto('/regio');
  expect(response?.status()).toBe(200);
  await expect(jeroen.page.getByRole('heading', { level: 1, name: 'Regio in cijfers' })).toBeVisible();
  // Numbers: the region's plans in total, and small groups hidden.
  await expect(jeroen.page.getByTestId('status-total')).toHaveText(/^\d+$/);
  await expect(jeroen.page.getByTestId('region-page')).toContainText('< 5');
  await expect(jeroen.page.getByTestId('region-legend')).toContainText('< 5 betekent');
  // Every chart has its table; requests to the table are honestly not recorded yet.
  for (const table of [
    'table-status',
    'table-municipalities',
    'table-regisseur',
    'table-goals',
    'table-professionals',
    'table-escalations',
    'table-waakvlam',
  ]) {
    await expect(jeroen.page.getByTestId(table)).toBeVisible();
  }
  await expect(jeroen.page.getByTestId('table-escalations')).toContainText('nog geen gegevens');
  await jeroen.page.screenshot({ path: 'test-results/regio-1280.png', fullPage: true });
  expectAnonymous(await jeroen.page.content(), plans);
  await expectNoSeriousA11yIssues(jeroen.page);

  // Another period and one municipality, through the form.
  const months = jeroen.page.locator('#regio-periode optgroup').nth(1).locator('option');
  const month = await months.first().getAttribute('value');
  expect(month).toMatch(/^\d{4}-\d{2}$/);
  await jeroen.page.locator('#regio-periode').selectOption(month ?? '');
  const municipality = await jeroen.page.locator('#regio-gemeente option').nth(1).getAttribute('value');
  if (municipality) await jeroen.page.locator('#regio-gemeente').selectOption(municipality);
  await jeroen.page.getByTestId('region-show').click();
  await expect(jeroen.page).toHaveURL(new RegExp(`periode=${month}`));
  await expect(jeroen.page.getByTestId('status-total')).toBeVisible();
  expectAnonymous(await jeroen.page.content(), plans);

  // The CSV: the same figures, the same "< 5", no names, no ids.
  const csv = await jeroen.page.request.get('/api/regio?format=csv');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['content-disposition']).toMatch(/attachment; filename="regio-\d{4}-Q[1-4]\.csv"/);
  const text = await csv.text();
  expect(text).toContain('Onderdeel;Gemeente;Periode;Meting;Waarde');
  expect(text).toContain('< 5');
  expectAnonymous(text, plans);
  expect(text).not.toMatch(UUID);
  // The API, the same.
  const json = await jeroen.page.request.get('/api/regio');
  expect(json.status()).toBe(200);
  const body = await json.text();
  expectAnonymous(body, plans);
  expect(body).not.toMatch(UUID);
  await jeroen.close();
});

test('the region page works on a 360 px phone and for the beheerder', async ({ browser }) => {
  const lisa = await signIn(browser, 'Lisa de Boer', { width: 360, height: 800 });
  const response = await lisa.page.goto('/regio');
  expect(response?.status()).toBe(200);
  await expect(lisa.page.getByRole('heading', { level: 1, name: 'Regio in cijfers' })).toBeVisible();
  await lisa.page.screenshot({ path: 'test-results/regio-360.png', fullPage: true });
  // Nothing wider than the phone except inside a table's own scroll region.
  const overflow = await lisa.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yIssues(lisa.page);
  await lisa.close();
});

test('families, their network and professionals get 404 on /regio; a gemeente user gets 404 on every plan', async ({ browser, baseURL }) => {
  for (const name of ['Sanne Jansen', 'Ria Jansen', 'Mo Ait Taleb']) {
    const person = await signIn(browser, name);
    const page = await person.page.goto('/regio');
    expect(page?.status(), `${name} on /regio`).toBe(404);
    for (const url of ['/api/regio', '/api/regio?format=csv', '/api/regio?format=xml']) {
      const res = await person.page.request.get(url);
      expect(res.status(), `${name} on ${url}`).toBe(404);
      expect(await res.text()).not.toContain('< 5');
    }
    await person.close();
  }

  const { ids } = await demoPlans(baseURL ?? '');
  const jeroen = await signIn(browser, 'Jeroen Mulder');
  for (const id of ids.slice(0, 5)) {
    expect((await jeroen.page.goto(`/plannen/${id}`))?.status()).toBe(404);
    expect((await jeroen.page.request.get(`/api/plans/${id}`)).status()).toBe(404);
  }
  await jeroen.close();
});
