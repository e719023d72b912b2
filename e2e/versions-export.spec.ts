import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yIssues, openPlan, signInAs } from './fixtures';
import { openLive, signInOverHttp, writeParagraph } from './live';

async function openSection(page: Page, label: string) {
  await page.getByRole('navigation', { name: 'Onderdelen van het plan' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 2, name: label })).toBeVisible();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
}

const planIdOf = (page: Page) => new URL(page.url()).pathname.split('/')[2] ?? '';

test('the casusregisseur records a version, a parent and a professional sign it, and the plan shows both signatures', async ({ browser }) => {
  const fatima = await signInAs(browser, 'Fatima Yilmaz');
  await openPlan(fatima.page, 'Familie Bos');
  await fatima.page.getByTestId('versions-link').click();
  await expect(fatima.page.getByRole('heading', { level: 1, name: /Versies van het plan/ })).toBeVisible();
  const name = `Plan na de evaluatie ${Date.now()}`;
  await fatima.page.getByTestId('version-name').fill(name);
  await fatima.page.getByTestId('version-create').click();
  await expect(fatima.page.getByTestId('version-item').filter({ hasText: name })).toBeVisible();
  await expect(fatima.page.getByTestId('version-item').filter({ hasText: name })).toContainText('Nog door niemand ondertekend.');

  for (const [person, width] of [
    ['Linda Bos', 360],
    ['Mo Ait Taleb', 1280],
  ] as const) {
    const { context, page } = await signInAs(browser, person, { width, height: 900 });
    await openPlan(page, 'Familie Bos');
    await page
      .getByTestId('version-summary')
      .getByRole('link', { name: `Laatste versie: ${name}` })
      .click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('Je kunt deze versie lezen, maar niet aanpassen.')).toBeVisible();
    await expect(page.getByTestId('version-section-overgang18')).toContainText('Noah wil zelf de regie');
    if (person === 'Linda Bos') {
      // A snapshot never reveals a section hidden from the viewer: not its content, not its title.
      await expect(page.getByTestId('version-section-professioneel')).toHaveCount(0);
      expect(await page.content()).not.toContain('Professionele afwegingen');
      await page.screenshot({ path: 'test-results/version-view-360.png', fullPage: true });
    } else {
      await expect(page.getByTestId('version-section-professioneel')).toBeVisible();
    }
    await page.getByTestId('version-sign').click();
    await expect(page.getByText('Je hebt deze versie ondertekend.')).toBeVisible();
    await expect(page.getByTestId('version-signatures')).toContainText(person);
    if (person === 'Mo Ait Taleb') await page.screenshot({ path: 'test-results/version-view-1280.png', fullPage: true });
    await expectNoSeriousA11yIssues(page);
    await context.close();
  }

  await fatima.page.goto('/plannen');
  await openPlan(fatima.page, 'Familie Bos');
  const signatures = fatima.page.getByTestId('version-summary').getByTestId('version-signatures');
  await expect(signatures).toContainText('Linda Bos (ouder)');
  await expect(signatures).toContainText('Mo Ait Taleb (wijkteam)');
  await fatima.context.close();
});

test("a parent's export has no professional notes; the GI's has them; the PDF downloads", async ({ browser, baseURL }) => {
  const fatima = await signInAs(browser, 'Fatima Yilmaz');
  await openPlan(fatima.page, 'Familie Bos');
  const planId = planIdOf(fatima.page);

  // The GI writes a professional note with a unique marker into the live document.
  const marker = `Risicotaxatie-${Date.now()}`;
  const session = await signInOverHttp(baseURL ?? '', 'fatima@demo.onsplan.nl');
  const live = await openLive(baseURL ?? '', `plan:${planId}:professioneel`, session.cookie);
  writeParagraph(live.doc, `${marker}: geen acuut gevaar, wel zorgen over school.`);
  // The server stores edits in batches (100 ms); poll the export until the note is stored.
  let giExport = '';
  await expect
    .poll(async () => {
      giExport = await (await fatima.page.request.get(`/api/plans/${planId}/export?format=json`)).text();
      return giExport.includes(marker);
    })
    .toBe(true);
  expect(giExport).toContain('Professionele afwegingen');
  live.close();
  await session.api.dispose();

  const linda = await signInAs(browser, 'Linda Bos');
  await openPlan(linda.page, 'Familie Bos');
  const res = await linda.page.request.get(`/api/plans/${planId}/export?format=json`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-disposition']).toContain('attachment; filename="ons-plan-familie-bos-');
  const json = await res.text();
  expect(json).not.toContain(marker);
  expect(json).not.toContain('professioneel');
  expect(json).not.toContain('Professionele afwegingen');
  const parsed = JSON.parse(json) as { plan: { household: string }; sections: { key: string }[] };
  expect(parsed.plan.household).toBe('Familie Bos');
  expect(parsed.sections.map((s) => s.key)).toContain('overgang18');

  // The header's link downloads the PDF.
  const [download] = await Promise.all([linda.page.waitForEvent('download'), linda.page.getByTestId('export-pdf').click()]);
  expect(download.suggestedFilename()).toMatch(/^ons-plan-familie-bos-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = await linda.page.request.get(`/api/plans/${planId}/export?format=pdf`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // A stranger to the plan gets the same answer as for a plan that does not exist.
  const kees = await signInAs(browser, 'Kees van Dam');
  expect((await kees.page.request.get(`/api/plans/${planId}/export?format=json`)).status()).toBe(404);
  await Promise.all([fatima.context.close(), linda.context.close(), kees.context.close()]);
});

test('closing the plan without every Big Five domain stable is refused with the reason shown', async ({ browser }) => {
  const mo = await signInAs(browser, 'Mo Ait Taleb');
  await openPlan(mo.page, 'Familie Jansen');
  // Mo is casusregisseur of Familie Jansen; the seed has support and wonen stable, the rest not.
  const control = mo.page.getByTestId('status-control');
  await control.locator('summary').click();
  await mo.page.getByTestId('status-to').selectOption('afgesloten');
  await mo.page.getByTestId('status-submit').click();
  const error = mo.page.getByTestId('status-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('niet alle levensdomeinen zijn stabiel');
  await expect(error).toContainText('School & werk, Inkomen, Welzijn');
  const plan = await (await mo.page.request.get(`/api/plans/${planIdOf(mo.page)}`)).json();
  expect(plan.status).toBe('actief');
  await expectNoSeriousA11yIssues(mo.page);
  await mo.context.close();
});

test('the evaluation section: a review, begin and end ratings, and the stability check, live on a phone and a desktop', async ({ browser }) => {
  const mo = await signInAs(browser, 'Mo Ait Taleb', { width: 1280, height: 900 });
  const sanne = await signInAs(browser, 'Sanne Jansen', { width: 360, height: 800 });
  for (const p of [mo.page, sanne.page]) {
    await openPlan(p, 'Familie Jansen');
    await openSection(p, 'Evaluatie & afsluiten');
    await expect(p.getByTestId('review')).toHaveCount(1);
    await expect(p.getByTestId('stable-count')).toHaveText('2 van de 5 levensdomeinen stabiel');
  }
  // Sanne marks welzijn stable; Mo sees it arrive.
  await sanne.page.getByTestId('stable-welzijn').check();
  await expect(mo.page.getByTestId('stable-count')).toHaveText('3 van de 5 levensdomeinen stabiel');
  await expect(mo.page.getByTestId('stable-welzijn')).toBeChecked();
  await expect(mo.page.getByTestId('outcome-table').first()).toBeVisible();
  await sanne.page.screenshot({ path: 'test-results/evaluation-360.png', fullPage: true });
  await mo.page.screenshot({ path: 'test-results/evaluation-1280.png', fullPage: true });
  await expectNoSeriousA11yIssues(sanne.page);
  await expectNoSeriousA11yIssues(mo.page);
  // Put it back, so the demo keeps its partial stability.
  await sanne.page.getByTestId('stable-welzijn').uncheck();
  await expect(mo.page.getByTestId('stable-count')).toHaveText('2 van de 5 levensdomeinen stabiel');
  await Promise.all([mo.context.close(), sanne.context.close()]);
});

test('the routes answer as documented: 401 without a session, 404 for strangers, 403 without the right, 400 for bad input, 409 for a changed version', async ({
  browser,
  baseURL,
}) => {
  const origin = { Origin: new URL(baseURL ?? '').origin };
  const fatima = await signInAs(browser, 'Fatima Yilmaz');
  await openPlan(fatima.page, 'Familie Bos');
  const planId = planIdOf(fatima.page);
  const linda = await signInAs(browser, 'Linda Bos');
  const kees = await signInAs(browser, 'Kees van Dam');
  const gerrit = await signInAs(browser, 'Gerrit Bos');

  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/api/plans/${planId}/export?format=json`)).status()).toBe(401);
  expect((await anonymous.request.post(`/api/plans/${planId}/status`, { data: { to: 'afschalen' }, headers: origin })).status()).toBe(401);
  await anonymous.close();

  for (const path of ['outcomes', 'versions', 'export?format=json']) expect((await kees.page.request.get(`/api/plans/${planId}/${path}`)).status()).toBe(404);
  expect((await kees.page.request.post(`/api/plans/${planId}/versions`, { data: { name: 'x' }, headers: origin })).status()).toBe(404);

  // Only the casusregisseur changes the status and records versions.
  expect((await linda.page.request.post(`/api/plans/${planId}/status`, { data: { to: 'afschalen' }, headers: origin })).status()).toBe(403);
  expect((await linda.page.request.post(`/api/plans/${planId}/versions`, { data: { name: 'Van Linda' }, headers: origin })).status()).toBe(403);
  // A write from another site is refused before anything else.
  expect((await fatima.page.request.post(`/api/plans/${planId}/versions`, { data: { name: 'x' }, headers: { Origin: 'https://evil.example' } })).status()).toBe(
    403,
  );
  expect((await fatima.page.request.post(`/api/plans/${planId}/versions`, { data: { name: '   ' }, headers: origin })).status()).toBe(400);
  expect((await fatima.page.request.post(`/api/plans/${planId}/status`, { data: { to: 'onbekend' }, headers: origin })).status()).toBe(400);
  expect((await fatima.page.request.get(`/api/plans/${planId}/export?format=docx`)).status()).toBe(400);

  const created = await fatima.page.request.post(`/api/plans/${planId}/versions`, { data: { name: `API-versie ${Date.now()}` }, headers: origin });
  expect(created.status()).toBe(201);
  const version = (await created.json()) as { id: string; hash: string };
  const sign = (who: typeof linda, hash: string) =>
    who.page.request.post(`/api/plans/${planId}/versions/${version.id}/sign`, { data: { hash }, headers: origin });
  expect((await sign(linda, 'f'.repeat(64))).status()).toBe(409);
  expect((await sign(gerrit, version.hash)).status()).toBe(403); // network members do not sign
  expect((await sign(linda, version.hash)).status()).toBe(201);
  expect((await sign(linda, version.hash)).status()).toBe(409);
  const listed = (await (await gerrit.page.request.get(`/api/plans/${planId}/versions`)).json()) as {
    versions: { id: string; signatures: { name: string }[] }[];
  };
  expect(listed.versions.find((v) => v.id === version.id)?.signatures.map((s) => s.name)).toEqual(['Linda Bos']);
  expect((await linda.page.request.get(`/api/plans/${planId}/outcomes`)).status()).toBe(200);
  await Promise.all([fatima.context.close(), linda.context.close(), kees.context.close(), gerrit.context.close()]);
});

test('Naar 18+: the young person sees what is arranged and who directs after 18, live', async ({ browser }) => {
  const noah = await signInAs(browser, 'Noah Bos', { width: 360, height: 800 });
  const fatima = await signInAs(browser, 'Fatima Yilmaz');
  for (const p of [noah.page, fatima.page]) {
    await openPlan(p, 'Familie Bos');
    await openSection(p, 'Naar 18+');
  }
  await expect(noah.page.getByTestId('transition18-director')).toHaveValue(/Noah wil zelf de regie/);
  await expect(noah.page.getByTestId('transition18-wonen')).toHaveValue(/jongerenwoning/);
  const line = ` Uitkering aangevraagd ${Date.now()}.`;
  await noah.page.getByTestId('transition18-inkomen').click();
  await noah.page.keyboard.type(line);
  await expect(fatima.page.getByTestId('transition18-inkomen')).toHaveValue(new RegExp(line.trim()));
  await noah.page.screenshot({ path: 'test-results/transition18-360.png', fullPage: true });
  await expectNoSeriousA11yIssues(noah.page);
  await Promise.all([noah.context.close(), fatima.context.close()]);
});
