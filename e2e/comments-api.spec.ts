import { expect, test } from '@playwright/test';
import { signInOverHttp } from './live';

/** The comment routes refuse in the same order as every route: 401, 404 (no plan or hidden section), 403, 400. */
test('comment routes refuse strangers, hidden sections, read-only members, bad input and other sites', async ({ baseURL }) => {
  const base = baseURL ?? '';
  const origin = new URL(base).origin;
  const linda = await signInOverHttp(base, 'linda@demo.onsplan.nl'); // ouder in Familie Bos
  const anouk = await signInOverHttp(base, 'anouk@demo.onsplan.nl'); // verwijzer: reads gezin, nothing more
  const sanne = await signInOverHttp(base, 'sanne@demo.onsplan.nl'); // not in Familie Bos
  const people = (await (await linda.api.get('/api/demo/people')).json()) as { people: { plans: { planId: string; householdName: string }[] }[] };
  const planId = people.people.flatMap((p) => p.plans).find((p) => p.householdName === 'Familie Bos')?.planId ?? '';
  const url = (section: string) => `/api/plans/${planId}/sections/${section}/comments`;
  const thread = { anchorStart: 'AAAAAA==', anchorEnd: 'AAAAAA==', quote: 'iets', body: 'een reactie' };
  const anonymous = await (await import('@playwright/test')).request.newContext({ baseURL: base });

  expect((await anonymous.get(url('gezin'))).status()).toBe(401);
  expect((await sanne.api.get(url('gezin'))).status()).toBe(404);
  expect((await linda.api.get(url('professioneel'))).status()).toBe(404); // hidden from parents: as if it does not exist
  expect((await linda.api.get(url('bestaatniet'))).status()).toBe(404);
  expect((await anouk.api.get(url('gezin'))).status()).toBe(200); // may read
  expect((await anouk.api.post(url('gezin'), { headers: { origin }, data: thread })).status()).toBe(403); // may not comment
  expect((await linda.api.post(url('gezin'), { headers: { origin }, data: { ...thread, body: '' } })).status()).toBe(400);
  expect((await linda.api.post(url('gezin'), { headers: { origin }, data: { ...thread, anchorStart: '<script>' } })).status()).toBe(400);
  expect((await linda.api.post(url('gezin'), { headers: { origin: 'https://evil.example' }, data: thread })).status()).toBe(403);

  // A well-formed thread (anchored at the start of the text): replies and resolving follow the same rules, and thread ids from elsewhere are unknown.
  const created = await linda.api.post(url('gezin'), { headers: { origin }, data: { ...thread, anchorStart: 'AQRib2R5AA==', anchorEnd: 'AQRib2R5AA==' } });
  expect(created.status()).toBe(201);
  {
    const { id } = (await created.json()) as { id: string };
    expect((await anouk.api.post(`${url('gezin')}/${id}/replies`, { headers: { origin }, data: { body: 'mag niet' } })).status()).toBe(403);
    expect((await linda.api.post(`${url('doelen')}/${id}/replies`, { headers: { origin }, data: { body: 'ander onderdeel' } })).status()).toBe(404);
    expect((await linda.api.post(`${url('gezin')}/${id}/replies`, { headers: { origin }, data: { body: 'antwoord' } })).status()).toBe(201);
    expect((await anouk.api.post(`${url('gezin')}/${id}/resolve`, { headers: { origin } })).status()).toBe(403);
    expect((await linda.api.post(`${url('gezin')}/${id}/resolve`, { headers: { origin } })).status()).toBe(200);
    expect((await linda.api.post(`${url('gezin')}/${id}/resolve`, { headers: { origin } })).status()).toBe(404); // already resolved
  }
  expect((await linda.api.post(`${url('gezin')}/not-a-uuid/replies`, { headers: { origin }, data: { body: 'x' } })).status()).toBe(404);
});
