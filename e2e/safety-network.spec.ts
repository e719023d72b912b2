/**
 * The safety plan, the network and the family section as people use them: two professionals writing agreements at
 * the same time, Fatima recording a broken agreement (discussed with the family? if not, why?) and being offered
 * the table, a parent who comments but cannot change agreements, and the ecogram of the people around a family.
 */
import { expect, type Page, request, test } from '@playwright/test';
import { expectNoSeriousA11yIssues, openPlan, signInAs } from './fixtures';
import { type Session, signInOverHttp } from './live';

async function openSection(page: Page, label: string) {
  await page.getByRole('navigation', { name: 'Onderdelen van het plan' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 2, name: label })).toBeVisible();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
}

test('two professionals add and edit agreements at the same time, and both see the merged plan live', async ({ browser }) => {
  const fatima = await signInAs(browser, 'Fatima Yilmaz');
  const mo = await signInAs(browser, 'Mo Ait Taleb', { width: 360, height: 800 });
  await openPlan(fatima.page, 'Familie Bos');
  await openPlan(mo.page, 'Familie Bos');
  await openSection(fatima.page, 'Veiligheidsplan');
  await openSection(mo.page, 'Veiligheidsplan');

  const agreementsOf = (page: Page) => page.getByTestId('agreement');
  const before = await agreementsOf(fatima.page).count();
  await expect(agreementsOf(mo.page)).toHaveCount(before);
  // Both add an agreement at the same moment: both arrive, in the same order on both screens.
  await Promise.all([fatima.page.getByTestId('agreement-add').click(), mo.page.getByTestId('agreement-add').click()]);
  await expect(agreementsOf(fatima.page)).toHaveCount(before + 2);
  await expect(agreementsOf(mo.page)).toHaveCount(before + 2);

  const stamp = Date.now();
  const fatimaWhat = `Noah belt om 22:00 naar huis (${stamp})`;
  const moWhat = `Linda en Noah eten samen op zondag (${stamp})`;
  // Fatima writes the first new one while Mo writes the second, and fills in who for Fatima's at the same time.
  await Promise.all([
    agreementsOf(fatima.page).nth(before).getByTestId('agreement-what').pressSequentially(fatimaWhat),
    (async () => {
      await agreementsOf(mo.page)
        .nth(before + 1)
        .getByTestId('agreement-what')
        .pressSequentially(moWhat);
      await agreementsOf(mo.page).nth(before).getByTestId('agreement-who').fill('Noah');
    })(),
  ]);
  // Fatima adds what happens if not to Mo's agreement.
  await agreementsOf(fatima.page)
    .nth(before + 1)
    .getByTestId('agreement-ifnot')
    .fill('Fatima belt Linda de volgende dag');

  for (const page of [fatima.page, mo.page]) {
    await expect(agreementsOf(page).nth(before).getByTestId('agreement-what')).toHaveValue(fatimaWhat);
    await expect(agreementsOf(page).nth(before).getByTestId('agreement-who')).toHaveValue('Noah');
    await expect(
      agreementsOf(page)
        .nth(before + 1)
        .getByTestId('agreement-what'),
    ).toHaveValue(moWhat);
    await expect(
      agreementsOf(page)
        .nth(before + 1)
        .getByTestId('agreement-ifnot'),
    ).toHaveValue('Fatima belt Linda de volgende dag');
  }
  // Stored, not only in memory: after a reload everything is still there.
  await mo.page.reload();
  await expect(mo.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect(
    agreementsOf(mo.page)
      .nth(before + 1)
      .getByTestId('agreement-what'),
  ).toHaveValue(moWhat);

  // Clean up: Fatima removes both agreements again (other tests read this plan).
  await fatima.page.getByRole('button', { name: `Verwijder afspraak ${before + 2}` }).click();
  await fatima.page.getByRole('button', { name: `Verwijder afspraak ${before + 1}` }).click();
  await expect(agreementsOf(mo.page)).toHaveCount(before);
  await fatima.context.close();
  await mo.context.close();
});

test('recording a broken agreement asks whether it was discussed with the family, needs the reason if not, and offers the table', async ({ browser }) => {
  const fatima = await signInAs(browser, 'Fatima Yilmaz');
  const youssef = await signInAs(browser, 'Youssef El Amrani', { width: 360, height: 800 });
  await openPlan(fatima.page, 'Familie El Amrani');
  await openPlan(youssef.page, 'Familie El Amrani');
  await openSection(fatima.page, 'Veiligheidsplan');
  await openSection(youssef.page, 'Veiligheidsplan');
  await expect(fatima.page.getByTestId('safety-status')).toHaveAttribute('data-status', 'afgesproken');

  await fatima.page.screenshot({ path: 'test-results/safety-plan-desktop.png', fullPage: true });
  await youssef.page.screenshot({ path: 'test-results/safety-plan-phone.png', fullPage: true });

  const agreement = fatima.page.getByTestId('agreement').nth(1);
  await expect(agreement.getByTestId('agreement-what')).toHaveValue(/geen alcohol/);
  await agreement.getByTestId('agreement-broken').click();
  const dialog = fatima.page.getByRole('dialog', { name: 'Afspraak niet nagekomen' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('group', { name: 'Heb je de zorg eerst met het gezin besproken?' })).toBeVisible();
  // Nothing chosen: the dialog says what is missing.
  await dialog.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Kies of je het met het gezin hebt besproken.');
  // Not discussed: the reason is required.
  await dialog.getByLabel('Nee, niet besproken').check();
  await dialog.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Schrijf op waarom je het niet met het gezin hebt besproken.');
  await fatima.page.screenshot({ path: 'test-results/safety-broken-dialog-desktop.png' });
  const reason = `Youssef was onder invloed; bespreken had Adam in gevaar gebracht (${Date.now()})`;
  await dialog.getByLabel('Waarom niet?').fill(reason);
  await expectNoSeriousA11yIssues(fatima.page);
  await dialog.getByRole('button', { name: 'Vastleggen' }).click();

  // Recorded: the plan is broken for everyone, live; the table is offered.
  const done = fatima.page.getByRole('dialog', { name: 'Vastgelegd' });
  await expect(done).toBeVisible();
  await fatima.page.screenshot({ path: 'test-results/safety-broken-done-desktop.png' });
  const toTable = done.getByRole('link', { name: 'Voorleggen aan de tafel' });
  await expect(toTable).toHaveAttribute('href', /\?sectie=tafel$/);
  await expect(agreement).toHaveAttribute('data-status', 'verbroken');
  await expect(agreement.getByTestId('broken-reason')).toContainText(reason);
  const youssefsView = youssef.page.getByTestId('agreement').nth(1);
  await expect(youssefsView).toHaveAttribute('data-status', 'verbroken');
  await expect(youssef.page.getByTestId('safety-status')).toHaveAttribute('data-status', 'verbroken');
  await expect(youssefsView.getByTestId('broken-record')).toContainText('niet eerst met het gezin besproken');
  // The reason is for professionals: the father never receives it, not on screen and not in the page.
  await expect(youssefsView.getByTestId('broken-reason')).toHaveCount(0);
  expect(await youssef.page.content()).not.toContain(reason);

  await toTable.click();
  await expect(fatima.page.getByRole('heading', { level: 2, name: 'Doorbraaktafel' })).toBeVisible();
  await expect(fatima.page).toHaveURL(/sectie=tafel/);
  await fatima.context.close();
  await youssef.context.close();
});

test('a parent reads and comments on the safety plan and rates it, but cannot change agreements', async ({ browser }) => {
  const linda = await signInAs(browser, 'Linda Bos', { width: 360, height: 800 });
  await openPlan(linda.page, 'Familie Bos');
  await openSection(linda.page, 'Veiligheidsplan');
  const first = linda.page.getByTestId('agreement').first();
  // She reads the agreement as text: there is no field to type in, and no way to add, break or remove one.
  await expect(first.getByTestId('agreement-what')).toContainText('Noah laat Linda elke avond');
  await expect(first.getByTestId('agreement-who')).toHaveText('Noah');
  await expect(first.getByRole('textbox')).toHaveCount(0);
  await expect(linda.page.getByTestId('safety-agreements').getByRole('textbox')).toHaveCount(0);
  await expect(linda.page.getByTestId('safety-agreements').getByRole('button')).toHaveCount(0);
  await expect(linda.page.getByTestId('agreement-add')).toHaveCount(0);
  await expect(linda.page.getByTestId('agreement-broken')).toHaveCount(0);
  await expect(linda.page.getByTestId('safety-status-select')).toHaveCount(0);

  // She gives the safety scale her own number; it stands beside the others'.
  const form = linda.page.getByTestId('safety-rate-form');
  await form.getByRole('radio', { name: '7', exact: true }).check();
  await form.getByRole('button', { name: 'Geef dit cijfer' }).click();
  await expect(form.getByRole('status')).toContainText('Je cijfer is bewaard.');
  const lindaRow = linda.page.getByTestId('safety-rater').filter({ hasText: 'Linda Bos' });
  await expect(lindaRow.getByRole('list')).toContainText('7');
  await expect(linda.page.getByTestId('safety-rater').filter({ hasText: 'Fatima Yilmaz' })).toBeVisible();
  await expect(linda.page.getByTestId('section-editor')).toHaveAttribute('contenteditable', 'false');
  await expectNoSeriousA11yIssues(linda.page);
  await linda.context.close();
});

test('the ecogram shows the people around the family, and a person added in the list appears in it live', async ({ browser }) => {
  const sanne = await signInAs(browser, 'Sanne Jansen', { width: 360, height: 800 });
  const mo = await signInAs(browser, 'Mo Ait Taleb');
  await openPlan(sanne.page, 'Familie Jansen');
  await openPlan(mo.page, 'Familie Jansen');
  await openSection(sanne.page, 'Netwerk');
  await openSection(mo.page, 'Netwerk');

  const ecogram = sanne.page.getByTestId('ecogram');
  await expect(ecogram.getByRole('img')).toHaveAccessibleName(/Ecogram: \d+ mensen rond het gezin/);
  for (const name of ['Oma Ria', 'Eva Bakker', 'Meester Joris']) {
    await expect(ecogram.locator(`[data-testid="ecogram-node"][data-name="${name}"]`)).toHaveCount(1);
  }
  // Mo adds the football coach's assistant; Sanne sees him in her ecogram at once and moves him closer.
  const name = `Coach Ahmed ${Date.now() % 10000}`;
  await mo.page.getByLabel('Iemand toevoegen (naam)').fill(name);
  await mo.page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(ecogram.locator(`[data-testid="ecogram-node"][data-name="${name}"]`)).toHaveCount(1);
  // A new person is added at the end of the list.
  // Folded to one line on her phone; she opens it to change it.
  const card = sanne.page.getByTestId('network-person').last();
  await expect(card.getByTestId('network-summary')).toContainText(name);
  await card.getByTestId('network-summary').click();
  await expect(card.getByTestId('network-name')).toHaveValue(name);
  await card.getByTestId('network-kind').selectOption('vriend');
  await card.getByTestId('network-closeness').selectOption('1');
  const onMo = mo.page.getByTestId('network-person').last();
  await expect(onMo.getByTestId('network-name')).toHaveValue(name);
  await expect(onMo.getByTestId('network-closeness')).toHaveValue('1');
  await expect(onMo.getByTestId('network-kind')).toHaveValue('vriend');
  await expect(onMo.getByTestId('network-summary')).toContainText('Dichtbij');

  await sanne.page.getByTestId('ecogram').screenshot({ path: 'test-results/ecogram-phone.png' });
  await sanne.page.screenshot({ path: 'test-results/network-phone.png', fullPage: true });
  await mo.page.screenshot({ path: 'test-results/network-desktop.png', fullPage: true });
  await mo.page.getByTestId('ecogram').screenshot({ path: 'test-results/ecogram-desktop.png' });
  await expectNoSeriousA11yIssues(sanne.page);

  await mo.page.getByRole('button', { name: `Verwijder ${name}` }).click();
  await expect(ecogram.locator(`[data-testid="ecogram-node"][data-name="${name}"]`)).toHaveCount(0);
  await sanne.context.close();
  await mo.context.close();
});

test("Ons gezin keeps the family's words apart from professionals' and marks each point with its side", async ({ browser }) => {
  const sanne = await signInAs(browser, 'Sanne Jansen', { width: 360, height: 800 });
  const eva = await signInAs(browser, 'Eva Bakker');
  await openPlan(sanne.page, 'Familie Jansen');
  await openPlan(eva.page, 'Familie Jansen');
  await expect(sanne.page.getByTestId('household-people')).toContainText('Lotte de Vries');
  const words = `Wij willen samen eten op vrijdag ${Date.now()}`;
  await sanne.page.getByTestId('family-strengths-new').fill(words);
  await sanne.page.getByTestId('family-strengths').getByRole('button', { name: 'Toevoegen' }).click();
  // A new point is added at the end of its list.
  const onEva = eva.page.getByTestId('family-strengths').getByTestId('statement').last();
  await expect(onEva).toContainText(words);
  await expect(onEva).toHaveAttribute('data-by', 'gezin');
  await expect(onEva).toContainText('door het gezin');
  // Eva may not change the family's point (she reads it as text); the assessment is hers to write, not Sanne's.
  await expect(onEva.getByRole('textbox')).toHaveCount(0);
  await expect(sanne.page.getByTestId('family-strengths').getByTestId('statement').last().getByRole('textbox')).toHaveValue(words);
  await expect(eva.page.getByTestId('family-assessment').getByTestId('rich-assessment')).toHaveAttribute('contenteditable', 'true');
  await expect(sanne.page.getByTestId('family-assessment').getByTestId('rich-assessment')).toHaveAttribute('contenteditable', 'false');
  await sanne.page.screenshot({ path: 'test-results/family-phone.png', fullPage: true });
  await eva.page.screenshot({ path: 'test-results/family-desktop.png', fullPage: true });
  await expectNoSeriousA11yIssues(sanne.page);
  const count = await eva.page.getByTestId('family-strengths').getByTestId('statement').count();
  await sanne.page
    .getByTestId('family-strengths')
    .getByTestId('statement')
    .last()
    .getByRole('button', { name: /Verwijder/ })
    .click();
  await expect(eva.page.getByTestId('family-strengths').getByTestId('statement')).toHaveCount(count - 1);
  await sanne.context.close();
  await eva.context.close();
});

test('the household, safety-scale and broken-agreement routes refuse what the matrix refuses', async ({ baseURL }) => {
  const base = baseURL ?? '';
  const origin = new URL(base).origin;
  const headers = { origin };
  const eva = await signInOverHttp(base, 'eva@demo.onsplan.nl'); // aanbieder: reads the safety plan only
  const linda = await signInOverHttp(base, 'linda@demo.onsplan.nl'); // ouder: comments
  const anouk = await signInOverHttp(base, 'anouk@demo.onsplan.nl'); // verwijzer: no safety plan at all
  const sanne = await signInOverHttp(base, 'sanne@demo.onsplan.nl'); // not a member of Familie Bos
  const fatima = await signInOverHttp(base, 'fatima@demo.onsplan.nl'); // gi: edits
  const people = (await (await fatima.api.get('/api/demo/people')).json()) as { people: { plans: { planId: string; householdName: string }[] }[] };
  const planId = people.people.flatMap((p) => p.plans).find((p) => p.householdName === 'Familie Bos')?.planId ?? '';
  const scale = `/api/plans/${planId}/safety-scale`;
  const broken = `/api/plans/${planId}/safety/broken`;
  const household = `/api/plans/${planId}/household`;
  const anonymous = await request.newContext({ baseURL: base });

  // Signed out 401; not a member, or the section hidden from the role, 404 (as for an unknown plan).
  for (const url of [scale, broken, household]) expect((await anonymous.get(url)).status()).toBe(401);
  for (const url of [scale, broken, household]) expect((await sanne.api.get(url)).status()).toBe(404);
  expect((await anouk.api.get(scale)).status()).toBe(404);
  expect((await anouk.api.post(scale, { headers, data: { value: 5 } })).status()).toBe(404);
  expect((await anouk.api.get(household)).status()).toBe(200);

  // Reading the scale is for every reader; rating needs the comment right.
  const forEva = (await (await eva.api.get(scale)).json()) as { mayRate: boolean; ratings: unknown[] };
  expect(forEva.mayRate).toBe(false);
  expect(forEva.ratings.length).toBeGreaterThan(0);
  expect((await eva.api.post(scale, { headers, data: { value: 5 } })).status()).toBe(403);
  expect((await linda.api.post(scale, { headers, data: { value: 11 } })).status()).toBe(400);
  expect((await linda.api.post(scale, { headers, data: { value: 4.5 } })).status()).toBe(400);
  expect((await linda.api.post(scale, { headers, data: { value: 5, note: '<script>alert(1)</script>' } })).status()).toBe(400);
  expect((await linda.api.post(scale, { headers: { origin: 'https://evil.example' }, data: { value: 5 } })).status()).toBe(403);
  expect((await linda.api.post(scale, { data: { value: 5 } })).status()).toBe(403); // no Origin at all

  // Recording a broken agreement needs the edit right, a valid agreement id, and a reason when not discussed.
  const agreementId = 'abcdefgh1234';
  expect((await linda.api.post(broken, { headers, data: { agreementId, discussedWithFamily: true } })).status()).toBe(403);
  expect((await eva.api.post(broken, { headers, data: { agreementId, discussedWithFamily: true } })).status()).toBe(403);
  expect((await fatima.api.post(broken, { headers, data: { agreementId, discussedWithFamily: false, reason: '  ' } })).status()).toBe(400);
  expect((await fatima.api.post(broken, { headers, data: { agreementId: '<x>', discussedWithFamily: true } })).status()).toBe(400);
  expect((await fatima.api.post(broken, { headers: { origin: 'https://evil.example' }, data: { agreementId, discussedWithFamily: true } })).status()).toBe(403);
  const reason = `Bespreken bracht Noah in gevaar (${Date.now()})`;
  const recorded = await fatima.api.post(broken, { headers, data: { agreementId, discussedWithFamily: false, reason } });
  expect(recorded.status()).toBe(201);
  expect(((await recorded.json()) as { tableHref: string | null }).tableHref).toBe(`/plannen/${planId}?sectie=tafel`);
  // The reason is for professionals: Fatima and Eva read it, the mother gets nothing.
  const decisionsFor = async (s: Session) =>
    (await (await s.api.get(broken)).json()) as { visible: boolean; decisions: { agreementId: string; reason: string | null }[] };
  expect((await decisionsFor(fatima)).decisions.find((d) => d.agreementId === agreementId)?.reason).toBe(reason);
  expect((await decisionsFor(eva)).decisions.find((d) => d.agreementId === agreementId)?.reason).toBe(reason);
  expect(await decisionsFor(linda)).toEqual({ visible: false, decisions: [] });

  // The household route tells each member their own side, and lists the household from SQL.
  const forLinda = (await (await linda.api.get(household)).json()) as { viewer: { side: string }; people: { name: string }[] };
  expect(forLinda.viewer.side).toBe('gezin');
  expect(forLinda.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Linda Bos', 'Noah Bos']));
  expect(((await (await fatima.api.get(household)).json()) as { viewer: { side: string } }).viewer.side).toBe('professional');
});
