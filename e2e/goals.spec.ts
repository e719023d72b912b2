import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yIssues, openPlan, signInAs } from './fixtures';
import { signInOverHttp } from './live';

async function openGoals(page: Page) {
  await page.getByRole('navigation', { name: 'Onderdelen van het plan' }).getByRole('link', { name: 'Doelen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Doelen' })).toBeVisible();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect(page.getByTestId('goal-card').first()).toBeVisible();
}

/** Adds a goal in a domain and returns its id (the new goal's words field has the focus). */
async function addGoalIn(page: Page, domain: string): Promise<string> {
  await page.getByTestId(`add-goal-${domain}`).click();
  const words = page.locator('[data-testid="goal-words"]:focus');
  await expect(words).toBeFocused();
  const id = await words.evaluate((el) => el.closest('[data-goal-id]')?.getAttribute('data-goal-id') ?? '');
  expect(id).not.toBe('');
  return id;
}

const card = (page: Page, goalId: string): Locator => page.locator(`[data-testid="goal-card"][data-goal-id="${goalId}"]`);
const seededCard = (page: Page, words: string): Locator =>
  page.getByTestId('goal-card').filter({ has: page.getByRole('heading', { name: new RegExp(words) }) });

test('two people write goals and actions at the same time and both see everything, live', async ({ browser }) => {
  const mo = await signInAs(browser, 'Mo Ait Taleb');
  const sanne = await signInAs(browser, 'Sanne Jansen', { width: 390, height: 844 });
  await openPlan(mo.page, 'Familie Jansen');
  await openPlan(sanne.page, 'Familie Jansen');
  await openGoals(mo.page);
  await openGoals(sanne.page);
  const stamp = Date.now();

  // Both add a goal at the same moment, in different domains, and type its words.
  const [moGoal, sanneGoal] = await Promise.all([addGoalIn(mo.page, 'wonen'), addGoalIn(sanne.page, 'welzijn')]);
  await Promise.all([mo.page.keyboard.type(`Een vaste slaapplek ${stamp}`), sanne.page.keyboard.type(`Samen eten ${stamp}`)]);
  await expect(card(sanne.page, moGoal).getByTestId('goal-words')).toHaveValue(`Een vaste slaapplek ${stamp}`);
  await expect(card(mo.page, sanneGoal).getByTestId('goal-words')).toHaveValue(`Samen eten ${stamp}`);
  await expect(sanne.page.getByTestId('domain-wonen').locator(`[data-goal-id="${moGoal}"]`)).toBeVisible();

  // Now both work on Mo's goal at once: Sanne extends the words and fills in who and what is different,
  // Mo adds an action (wie doet wat wanneer) and sets the status.
  const sanneCard = card(sanne.page, moGoal);
  const moCard = card(mo.page, moGoal);
  await sanneCard.getByTestId('goal-words').click();
  await sanne.page.keyboard.press('End');
  await moCard.getByTestId('add-action').click();
  const moAction = moCard.getByTestId('action-row').first();
  await expect(moAction.getByTestId('action-what')).toBeFocused();
  await Promise.all([
    (async () => {
      await sanne.page.keyboard.type(' voor Daan');
      await sanneCard.getByTestId('goal-for-whom').fill('Daan de Vries');
      await sanneCard.getByTestId('goal-when-reached').fill('Daan slaapt vijf nachten per week in hetzelfde bed.');
    })(),
    (async () => {
      await mo.page.keyboard.type('Bed kopen voor de kamer bij Peter');
      await moAction.getByTestId('action-owner').fill('Peter de Vries');
      await moAction.getByTestId('action-due').fill('2027-01-15');
      await moCard.getByTestId('goal-status').selectOption('bezig');
    })(),
  ]);

  for (const page of [mo.page, sanne.page]) {
    const c = card(page, moGoal);
    await expect(c.getByTestId('goal-words')).toHaveValue(`Een vaste slaapplek ${stamp} voor Daan`);
    await expect(c.getByTestId('goal-for-whom')).toHaveValue('Daan de Vries');
    await expect(c.getByTestId('goal-when-reached')).toHaveValue('Daan slaapt vijf nachten per week in hetzelfde bed.');
    await expect(c.getByTestId('goal-status')).toHaveValue('bezig');
    const action = c.getByTestId('action-row');
    await expect(action).toHaveCount(1);
    await expect(action.getByTestId('action-what')).toHaveValue('Bed kopen voor de kamer bij Peter');
    await expect(action.getByTestId('action-owner')).toHaveValue('Peter de Vries');
    await expect(action.getByTestId('action-due')).toHaveValue('2027-01-15');
  }

  // Sanne ticks the action off; Mo sees it done. Mo removes Sanne's goal; it disappears for her too.
  await sanneCard.getByTestId('action-done').check();
  await expect(moCard.getByTestId('action-done')).toBeChecked();
  await card(mo.page, sanneGoal).getByTestId('remove-goal').click();
  await card(mo.page, sanneGoal).getByTestId('remove-goal-confirm').click();
  await expect(card(sanne.page, sanneGoal)).toHaveCount(0);

  await mo.context.close();
  await sanne.context.close();
});

test("late actions and due reviews stand out; a rating appears on the other person's chart without reload", async ({ browser }) => {
  const sanne = await signInAs(browser, 'Sanne Jansen', { width: 360, height: 740 });
  const mo = await signInAs(browser, 'Mo Ait Taleb');
  await openPlan(sanne.page, 'Familie Jansen');
  await openPlan(mo.page, 'Familie Jansen');
  await openGoals(sanne.page);
  await openGoals(mo.page);

  // Seeded: a late action in "Rust in huis", and the school goal past its review date.
  const rust = seededCard(sanne.page, 'Rust in huis');
  await expect(rust.getByTestId('badge-overdue')).toContainText('Te laat');
  await expect(rust.getByTestId('badge-overdue-count')).toHaveText('1 actie te laat');
  const school = seededCard(sanne.page, 'Daan gaat weer elke dag naar school');
  await expect(school.getByTestId('badge-review')).toHaveText('Evaluatie nodig');
  await expect(school.getByTestId('review-due-text')).toContainText('Bespreek samen hoe het gaat');
  await expect(sanne.page.getByTestId('goals-summary')).toContainText('1 actie te laat');

  // The chart shows Sanne's and Eva's lines with begin and latest.
  const sanneLegend = rust.getByTestId('rating-legend');
  await expect(sanneLegend).toContainText('Sanne Jansen (ouder): begin 3');
  await expect(sanneLegend).toContainText('nu 6');
  await expect(sanneLegend).toContainText('Eva Bakker (zorgaanbieder)');
  await expect(sanneLegend).not.toContainText('Mo Ait Taleb');

  // Mo rates the goal with the keyboard alone: into the radio group, arrow to 7, tab to save, Enter.
  const moRust = seededCard(mo.page, 'Rust in huis');
  const control = moRust.getByTestId('rating-control');
  await control.getByRole('radio', { name: '5' }).focus();
  await mo.page.keyboard.press('Space');
  await mo.page.keyboard.press('ArrowRight');
  await mo.page.keyboard.press('ArrowRight');
  await expect(control.getByRole('radio', { name: '7' })).toBeChecked();
  await mo.page.keyboard.press('Tab');
  await expect(control.getByTestId('rating-control-save')).toBeFocused();
  await mo.page.keyboard.press('Enter');
  await expect(control.getByRole('status')).toHaveText('Opgeslagen: je gaf een 7.');

  // Sanne's chart gets Mo's line without a reload.
  await expect(sanneLegend).toContainText('Mo Ait Taleb (wijkteam): 7');
  await expect(rust.getByTestId('rating-chart').locator('g[data-rater="Mo Ait Taleb"] circle')).toHaveCount(1);

  // Sanne rates too (her second today would stand beside the first: nothing is overwritten).
  await rust.getByTestId('rating-control').getByRole('radio', { name: '8' }).check();
  await rust.getByTestId('rating-control-save').click();
  await expect(sanneLegend).toContainText('nu 8');
  await expect(moRust.getByTestId('rating-legend')).toContainText('Sanne Jansen (ouder): begin 3');
  await expect(moRust.getByTestId('rating-legend')).toContainText('nu 8');

  // Zelfredzaamheid per domain: Sanne opens it for Wonen and gives a 3; Mo sees it in the summary.
  const selfReliance = sanne.page.getByTestId('self-reliance-wonen');
  await selfReliance.locator('summary').click();
  await selfReliance.getByRole('radio', { name: '3' }).check();
  await selfReliance.getByTestId('self-reliance-control-wonen-save').click();
  await expect(selfReliance.locator('summary')).toContainText('Sanne Jansen (ouder): 3');
  await expect(mo.page.getByTestId('self-reliance-wonen').locator('summary')).toContainText('Sanne Jansen (ouder): 3');
  await selfReliance.screenshot({ path: 'test-results/goals-self-reliance-phone.png' });

  await rust.scrollIntoViewIfNeeded();
  await sanne.page.screenshot({ path: 'test-results/goals-phone.png', fullPage: true });
  await rust.screenshot({ path: 'test-results/goals-card-phone.png' });
  await moRust.screenshot({ path: 'test-results/goals-card-desktop.png' });
  await mo.page.screenshot({ path: 'test-results/goals-desktop.png', fullPage: true });
  await expectNoSeriousA11yIssues(sanne.page);
  await expectNoSeriousA11yIssues(mo.page);
  await mo.context.close();
  await sanne.context.close();
});

test('a network member sees the goals read-only, cannot change them, and may still rate', async ({ browser }) => {
  const ria = await signInAs(browser, 'Ria Jansen', { width: 360, height: 740 });
  await openPlan(ria.page, 'Familie Jansen');
  await openGoals(ria.page);
  const page = ria.page;
  const support = page.getByTestId('domain-support');
  await expect(support.getByTestId('action-what').first()).toHaveValue('Brengt Daan woensdag naar voetbal');
  await expect(support.getByTestId('action-owner').first()).toHaveValue('Ria Jansen');

  // No add or remove buttons; fields are read-only and typing changes nothing.
  await expect(page.locator('[data-testid^="add-goal-"]')).toHaveCount(0);
  await expect(page.getByTestId('add-action')).toHaveCount(0);
  await expect(page.getByTestId('remove-goal')).toHaveCount(0);
  const words = support.getByTestId('goal-words').first();
  const before = await words.inputValue();
  await expect(words).toHaveAttribute('readonly', '');
  await words.click();
  await page.keyboard.type('oma typt hier');
  await expect(words).toHaveValue(before);
  await expect(support.getByTestId('goal-status').first()).toBeDisabled();
  await expect(support.getByTestId('action-done').first()).toBeDisabled();

  // Rating is a server record, not an edit of the goals: every member may add their own.
  const first = support.getByTestId('goal-card').first();
  await first.getByTestId('rating-control').getByRole('radio', { name: '9' }).check();
  await first.getByTestId('rating-control-save').click();
  await expect(first.getByTestId('rating-legend')).toContainText('Ria Jansen (netwerk): 9');
  await expectNoSeriousA11yIssues(page);
  await ria.context.close();
});

test('the ratings API: 401, 404, 403 cross-site, 400 bad input, 201 for a member, and ratings come back with rater and role', async ({ baseURL }) => {
  const base = baseURL ?? '';
  const origin = new URL(base).origin;
  const sanne = await signInOverHttp(base, 'sanne@demo.onsplan.nl');
  const kees = await signInOverHttp(base, 'kees@demo.onsplan.nl'); // in El Amrani, not in Jansen
  const people = (await (await sanne.api.get('/api/demo/people')).json()) as { people: { plans: { planId: string; householdName: string }[] }[] };
  const planId = people.people.flatMap((p) => p.plans).find((p) => p.householdName === 'Familie Jansen')?.planId ?? '';
  expect(planId).not.toBe('');
  const url = `/api/plans/${planId}/ratings`;
  const headers = { origin };
  const anonymous = await (await import('@playwright/test')).request.newContext({ baseURL: base });

  expect((await anonymous.get(url)).status()).toBe(401);
  expect((await anonymous.post(url, { headers, data: { kind: 'voortgang', goalId: 'goal-12345', value: 5 } })).status()).toBe(401);
  expect((await kees.api.get(url)).status()).toBe(404);
  expect((await kees.api.post(url, { headers, data: { kind: 'voortgang', goalId: 'goal-12345', value: 5 } })).status()).toBe(404);
  expect((await sanne.api.get('/api/plans/00000000-0000-4000-8000-000000000000/ratings')).status()).toBe(404);
  expect(
    (await sanne.api.post(url, { headers: { origin: 'https://evil.example' }, data: { kind: 'voortgang', goalId: 'goal-12345', value: 5 } })).status(),
  ).toBe(403);
  const bad = await sanne.api.post(url, { headers, data: { kind: 'voortgang', goalId: 'goal-12345', value: 11 } });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe('value');
  expect((await sanne.api.post(url, { headers, data: { kind: 'veiligheid', value: 5 } })).status()).toBe(400);

  const created = await sanne.api.post(url, { headers, data: { kind: 'zelfredzaamheid', domain: 'wonen', value: 4, raterId: kees.userId } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const list = (await (await sanne.api.get(url)).json()) as { ratings: { id: string; raterId: string; raterName: string; raterRole: string; value: number }[] };
  expect(list.ratings.find((r) => r.id === id)).toMatchObject({ raterId: sanne.userId, raterName: 'Sanne Jansen', raterRole: 'ouder', value: 4 });
  expect(list.ratings.length).toBeGreaterThan(10); // the seeded months of ratings
});
