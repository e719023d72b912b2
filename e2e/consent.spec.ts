import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yIssues, openPlan, signInAs } from './fixtures';

/** The link in the newest outbox mail to `to` whose text contains `subject`. */
async function linkFromOutbox(page: Page, to: string, subject: string): Promise<string> {
  await page.goto('/outbox');
  const mail = page.getByTestId('outbox-mail').filter({ hasText: to }).filter({ hasText: subject }).first();
  await expect(mail).toBeVisible();
  const href = await mail.getByRole('link', { name: 'Open de link' }).getAttribute('href');
  if (!href) throw new Error(`no link in the mail to ${to}`);
  return href;
}

async function planIdOf(request: APIRequestContext, householdName: string): Promise<string> {
  const people = (await (await request.get('/api/demo/people')).json()) as { people: { plans: { planId: string; householdName: string }[] }[] };
  const plan = people.people.flatMap((p) => p.plans).find((p) => p.householdName === householdName);
  if (!plan) throw new Error(`no demo plan ${householdName}`);
  return plan.planId;
}

/** A JSON request from the page's own origin, as the app's screens make it (writes must carry our Origin). */
function send(page: Page, method: 'GET' | 'POST' | 'DELETE', path: string, data?: unknown, origin: string | null = new URL(page.url()).origin) {
  return page.request.fetch(path, { method, data, headers: origin ? { Origin: origin } : {} });
}

/** Says yes to the one open request about `name` on the consent screen. */
async function consentTo(browser: Browser, person: string, name: string, expectHeading: string) {
  const { context, page } = await signInAs(browser, person, { width: 360, height: 800 });
  await openPlan(page, 'Familie Jansen');
  await expect(page.getByTestId('consent-pending')).toBeVisible();
  await page.getByTestId('consent-pending').getByRole('link', { name: 'Bekijk en beslis' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Toestemming' })).toBeVisible();
  const request = page.getByTestId('consent-request').filter({ hasText: name });
  await expect(request.getByRole('heading', { level: 3 })).toHaveText(expectHeading);
  return { context, page, request };
}

test('Mo invites a provider; she waits until the parent and the 16-year-old say yes, then writes in the plan', async ({ browser }) => {
  const email = `noor.${Date.now()}@aanbieder.example`;

  // Mo (casusregisseur) invites Noor of De Linde by email.
  const mo = await signInAs(browser, 'Mo Ait Taleb', { width: 360, height: 800 });
  await openPlan(mo.page, 'Familie Jansen');
  await mo.page.getByTestId('members-link').click();
  await expect(mo.page.getByRole('heading', { level: 1, name: 'Leden en regie' })).toBeVisible();
  const form = mo.page.getByTestId('invite-form');
  await form.getByLabel('Rol in het plan').selectOption('aanbieder');
  await form.getByLabel('Naam').fill('Noor Nieuw');
  await form.getByLabel('Organisatie').selectOption({ label: 'De Linde Jeugdhulp' });
  await form.getByLabel('E-mailadres').fill(email);
  await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(form.getByText(`De uitnodiging is verstuurd naar ${email}.`)).toBeVisible();
  await expect(mo.page.getByTestId('open-invitations')).toContainText(email);
  await expectNoSeriousA11yIssues(mo.page);

  // Noor, on her phone: the invitation link is in the outbox; she asks for a sign-in link to the invited address.
  const noor = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'nl-NL' });
  const page = await noor.newPage();
  await page.goto(await linkFromOutbox(page, email, 'Uitnodiging voor het gezinsplan van Familie Jansen'));
  const invitation = page.getByTestId('invitation');
  await expect(invitation).toContainText('Mo Ait Taleb (Wijkteam Tiel-Oost) nodigt je uit voor het gezinsplan van Familie Jansen.');
  await expect(invitation).toContainText('Je doet mee als zorgaanbieder van De Linde Jeugdhulp.');
  await expect(invitation).toContainText('Het gezin beslist of je mag meekijken.');
  await expectNoSeriousA11yIssues(page);
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  await expect(page).toHaveURL(/check-je-mail/);
  await page.goto(await linkFromOutbox(page, email, 'Je inloglink voor Ons Plan'));
  await expect(page).toHaveURL(/\/uitnodiging\//);
  await page.getByRole('button', { name: 'Accepteren' }).click();

  // She is in the plan, but waits for consent: no sections, no content.
  await expect(page.getByTestId('waiting-for-consent')).toContainText('Je wacht op toestemming');
  await expect(page.getByTestId('waiting-for-consent')).toContainText('Familie Jansen');
  await expect(page.getByRole('navigation', { name: 'Onderdelen van het plan' })).toHaveCount(0);
  expect(await page.content()).not.toContain('Daan voetbalt graag');
  const planUrl = page.url();
  await expectNoSeriousA11yIssues(page);

  // Mo sees that she waits, and for whom.
  await mo.page.reload();
  const noorCard = mo.page.getByTestId('member').filter({ hasText: 'Noor Nieuw' });
  await expect(noorCard).toContainText('wacht op toestemming');
  await expect(noorCard).toContainText('Wacht nog op: Sanne Jansen, Peter de Vries, Daan de Vries');
  await mo.page.screenshot({ path: 'test-results/members-phone.png', fullPage: true });

  // Sanne (gezag) gets the question in plain words and says yes.
  const sanne = await consentTo(browser, 'Sanne Jansen', 'Noor Nieuw', 'Mag De Linde Jeugdhulp meekijken en meewerken aan jullie plan?');
  await expect(sanne.request).toContainText('Noor Nieuw werkt bij De Linde Jeugdhulp (zorgaanbieder).');
  await expect(sanne.request).toContainText('Ons gezin: lezen en schrijven');
  await expect(sanne.request).toContainText('ook de delen van het plan die alleen voor professionals zijn');
  await expect(sanne.request).toContainText('We vragen het ook aan: Daan de Vries');
  expect(await sanne.page.content()).not.toContain('Professionele afwegingen');
  await expectNoSeriousA11yIssues(sanne.page);
  await sanne.page.screenshot({ path: 'test-results/consent-phone.png', fullPage: true });
  await sanne.request.getByRole('button', { name: /^Ja/ }).click();
  await expect(sanne.page.getByText('Je hebt ja gezegd.')).toBeVisible();
  await expect(sanne.page.getByTestId('consent-granted').filter({ hasText: 'Noor Nieuw' })).toContainText('Jij zei ja. We wachten nog op: Daan de Vries.');

  // Daan is 16: the plan holds his data too, so Noor still waits for him.
  await page.goto(planUrl);
  await expect(page.getByTestId('waiting-for-consent')).toBeVisible();
  const daan = await consentTo(browser, 'Daan de Vries', 'Noor Nieuw', 'Mag De Linde Jeugdhulp meekijken en meewerken aan jullie plan?');
  await expect(daan.page.getByText('Jij bent 16 of ouder.')).toBeVisible();
  await daan.request.getByRole('button', { name: /^Ja/ }).click();
  await expect(daan.page.getByText('Je hebt ja gezegd.')).toBeVisible();

  // Now Noor opens the plan and writes in "Ons gezin"; Sanne sees it live.
  await page.goto(planUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Familie Jansen' })).toBeVisible();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await sanne.page.goto(planUrl);
  await expect(sanne.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  const words = `Noor van De Linde: eerste gesprek op dinsdag ${Date.now()}`;
  const editor = page.getByTestId('section-editor');
  await expect(editor).toContainText('Daan voetbalt graag');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(words);
  await expect(sanne.page.getByTestId('section-editor')).toContainText(words);

  await Promise.all([mo.context.close(), noor.close(), sanne.context.close(), daan.context.close()]);
});

test('Sanne withdraws consent for De Linde while Eva has the plan open: Eva is cut off at once, and stays out', async ({ browser }) => {
  const eva = await signInAs(browser, 'Eva Bakker');
  await openPlan(eva.page, 'Familie Jansen');
  await expect(eva.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  const planUrl = eva.page.url().split('?')[0] ?? '';
  let socketsAfterDenied = 0;
  let denied = false;
  eva.page.on('websocket', () => {
    if (denied) socketsAfterDenied += 1;
  });

  const sanne = await signInAs(browser, 'Sanne Jansen', { width: 360, height: 800 });
  await openPlan(sanne.page, 'Familie Jansen');
  await sanne.page.getByTestId('consent-link').click();
  const granted = sanne.page.getByTestId('consent-granted').filter({ hasText: 'Eva Bakker' });
  await expect(granted.getByRole('heading', { level: 3 })).toHaveText('De Linde Jeugdhulp');
  await granted.getByRole('button', { name: 'Toestemming intrekken voor De Linde Jeugdhulp' }).click();
  await expect(granted).toContainText('Eva Bakker kan jullie plan dan niet meer zien.');
  await expectNoSeriousA11yIssues(sanne.page);
  await granted.getByRole('button', { name: 'Ja, intrekken' }).click();
  await expect(sanne.page.getByText('Je toestemming is ingetrokken.')).toBeVisible();

  // Eva's open section closes with 4403 and says why, within a few seconds; the client does not reconnect.
  await expect(eva.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'denied', { timeout: 3000 });
  denied = true;
  await expect(eva.page.getByText('Je hebt geen toegang meer tot dit onderdeel.')).toBeVisible();
  await eva.page.waitForTimeout(6000); // longer than the client's largest reconnect backoff (5 s)
  expect(socketsAfterDenied).toBe(0);
  await expect(eva.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'denied');

  // Reloading: the plan is gone for her (the same answer as for any plan that is not hers).
  const response = await eva.page.reload();
  expect(response?.status()).toBe(404);
  const api = await eva.page.request.get(`/api/plans/${planUrl.split('/').pop()}`);
  expect(api.status()).toBe(404);

  // Put the demo back as it was: Mo invites De Linde again, Eva accepts, Sanne and Daan consent (over the API).
  const mo = await signInAs(browser, 'Mo Ait Taleb');
  const planId = planUrl.split('/').pop() ?? '';
  await mo.page.goto(`/plannen/${planId}`);
  const organisations = (await (await send(mo.page, 'GET', `/api/plans/${planId}/members`)).json()) as { organisations: { id: string; name: string }[] };
  const deLinde = organisations.organisations.find((o) => o.name === 'De Linde Jeugdhulp');
  const invited = await send(mo.page, 'POST', `/api/plans/${planId}/members`, {
    email: 'eva@demo.onsplan.nl',
    name: 'Eva Bakker',
    role: 'aanbieder',
    organisationId: deLinde?.id,
    hoofdaanbieder: true,
  });
  expect(invited.status()).toBe(201);
  await eva.page.goto(await linkFromOutbox(eva.page, 'eva@demo.onsplan.nl', 'Uitnodiging voor het gezinsplan van Familie Jansen'));
  await eva.page.getByRole('button', { name: 'Accepteren' }).click();
  await expect(eva.page.getByTestId('waiting-for-consent')).toBeVisible();
  const daan = await signInAs(browser, 'Daan de Vries');
  for (const decider of [sanne.page, daan.page]) {
    await decider.goto(`/plannen/${planId}`);
    const requests = (await (await send(decider, 'GET', `/api/plans/${planId}/consent`)).json()) as { pending: { memberId: string; name: string }[] };
    const request = requests.pending.find((r) => r.name === 'Eva Bakker');
    expect((await send(decider, 'POST', `/api/plans/${planId}/consent`, { memberId: request?.memberId, decision: 'give' })).status()).toBe(200);
  }
  await eva.page.goto(`/plannen/${planId}`);
  await expect(eva.page.getByRole('heading', { level: 1, name: 'Familie Jansen' })).toBeVisible();

  await Promise.all([eva.context.close(), sanne.context.close(), mo.context.close(), daan.context.close()]);
});

test('every membership route refuses strangers (404), members without the right (403), bad input (400) and other sites', async ({ browser }) => {
  const anonymous = await browser.newContext();
  const anon = await anonymous.newPage();
  await anon.goto('/inloggen');
  const planId = await planIdOf(anon.request, 'Familie Jansen');
  const kees = await signInAs(browser, 'Kees van Dam'); // in another family's plan only
  const sanne = await signInAs(browser, 'Sanne Jansen'); // parent: decides consent, does not manage
  const mo = await signInAs(browser, 'Mo Ait Taleb'); // casusregisseur: manages, does not decide consent
  const anyMemberId = '00000000-0000-4000-8000-000000000000';
  const invite = { email: `x.${Date.now()}@example.org`, name: 'X', role: 'netwerk' };
  const regie = { kind: 'procesregie', userId: anyMemberId, reason: 'test' };
  const consent = { memberId: anyMemberId, decision: 'give' };

  const routes: { name: string; method: 'GET' | 'POST' | 'DELETE'; path: string; data?: unknown; noRight: Page }[] = [
    { name: 'list members', method: 'GET', path: `/api/plans/${planId}/members`, noRight: sanne.page },
    { name: 'invite', method: 'POST', path: `/api/plans/${planId}/members`, data: invite, noRight: sanne.page },
    { name: 'remove member', method: 'DELETE', path: `/api/plans/${planId}/members/${anyMemberId}`, noRight: sanne.page },
    { name: 'consent requests', method: 'GET', path: `/api/plans/${planId}/consent`, noRight: mo.page },
    { name: 'decide consent', method: 'POST', path: `/api/plans/${planId}/consent`, data: consent, noRight: mo.page },
    { name: 'change regie', method: 'POST', path: `/api/plans/${planId}/regie`, data: regie, noRight: sanne.page },
  ];
  for (const r of routes) {
    expect((await send(anon, r.method, r.path, r.data)).status(), `${r.name}: not signed in`).toBe(401);
    const stranger = await send(kees.page, r.method, r.path, r.data);
    expect(stranger.status(), `${r.name}: non-member`).toBe(404);
    expect(((await stranger.json()) as { error: { code: string; message: string } }).error.message).toBe(
      'Dit plan bestaat niet of je hebt er geen toegang toe.',
    );
    expect((await send(kees.page, r.method, r.path.replace(planId, anyMemberId), r.data)).status(), `${r.name}: unknown plan`).toBe(404);
    const noRight = await send(r.noRight, r.method, r.path, r.data);
    expect(noRight.status(), `${r.name}: member without the right`).toBe(403);
    if (r.method !== 'GET') {
      expect((await send(mo.page, r.method, r.path, r.data, null)).status(), `${r.name}: no Origin`).toBe(403);
      expect((await send(mo.page, r.method, r.path, r.data, 'https://evil.example')).status(), `${r.name}: other site`).toBe(403);
    }
  }

  // Bad input: 400 with the problems in Dutch, nothing written.
  const bad = await send(mo.page, 'POST', `/api/plans/${planId}/members`, { email: 'geen-adres', name: '', role: 'baas' });
  expect(bad.status()).toBe(400);
  const problems = ((await bad.json()) as { error: { issues: { message: string }[] } }).error.issues.map((i) => i.message);
  expect(problems).toEqual(expect.arrayContaining(['Vul een geldig e-mailadres in.', 'Vul de naam in van wie je uitnodigt.', 'Kies een rol.']));
  expect((await send(mo.page, 'POST', `/api/plans/${planId}/regie`, { kind: 'casusregie', userId: anyMemberId, reason: '' })).status()).toBe(400);
  expect((await send(sanne.page, 'POST', `/api/plans/${planId}/consent`, { memberId: 'x', decision: 'misschien' })).status()).toBe(400);

  // Invitations: an unknown token is not found; a real one opened by someone else's account is forbidden.
  expect((await send(kees.page, 'POST', `/api/invitations/${'A'.repeat(43)}/accept`)).status()).toBe(404);
  expect((await send(anon, 'POST', `/api/invitations/${'A'.repeat(43)}/accept`)).status()).toBe(401);
  const email = `iemand.${Date.now()}@example.org`;
  expect((await send(mo.page, 'POST', `/api/plans/${planId}/members`, { email, name: 'Iemand', role: 'netwerk' })).status()).toBe(201);
  const token = (await linkFromOutbox(anon, email, 'Uitnodiging')).split('/').pop() ?? '';
  await kees.page.goto('/plannen');
  expect((await send(kees.page, 'POST', `/api/invitations/${token}/accept`)).status()).toBe(403);
  expect((await send(kees.page, 'POST', `/api/invitations/${token}/accept`, undefined, null)).status()).toBe(403);

  await Promise.all([anonymous.close(), kees.context.close(), sanne.context.close(), mo.context.close()]);
});
