/**
 * The sign-in limits with real Request objects, as next-auth's route receives them (the socket address stamped by
 * server/main.ts). Found by a probe: a new X-Forwarded-For on each request bypassed the per-address limit, and the
 * same magic-link request sent as JSON was never counted per mailbox.
 */
import { describe, expect, it } from 'vitest';
import type { TrustProxy } from '../config';
import { SOCKET_ADDRESS_HEADER } from '../http/client-address';
import { mailboxesOf, SignInLimits } from './sign-in-limits';

const APP = 'http://localhost:3000';
const SIGNIN_EMAIL = ['signin', 'email'];

function limits(trustProxy: TrustProxy, perAddressPerMinute = 3) {
  return new SignInLimits({ perAddressPerMinute, trustProxy, appUrl: APP, perMailbox: { max: 5, windowMs: 15 * 60_000 } });
}

function post(params: { socket: string; forwardedFor?: string; body?: string; type?: string }): Request {
  const headers: Record<string, string> = { [SOCKET_ADDRESS_HEADER]: params.socket };
  if (params.forwardedFor) headers['x-forwarded-for'] = params.forwardedFor;
  if (params.type) headers['content-type'] = params.type;
  return new Request(`${APP}/api/auth/signin/email`, { method: 'POST', headers, body: params.body ?? '' });
}

const form = (email: string) => ({ type: 'application/x-www-form-urlencoded', body: new URLSearchParams({ email, csrfToken: 't' }).toString() });
const asJson = (email: string) => ({ type: 'application/json', body: JSON.stringify({ email, csrfToken: 't' }) });

describe('sign-in limit per client address', () => {
  it('is not bypassed by a forged X-Forwarded-For on each request when TRUST_PROXY is unset', async () => {
    const l = limits({ kind: 'none' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const refused = await l.check(post({ socket: '198.51.100.7', forwardedFor: `203.0.113.${i}`, ...form(`p${i}@example.nl`) }), SIGNIN_EMAIL);
      statuses.push(refused?.status ?? 200);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    // Another client (another socket) is not affected.
    expect(await l.check(post({ socket: '198.51.100.8', ...form('q@example.nl') }), SIGNIN_EMAIL)).toBeNull();
  });

  it('with TRUST_PROXY=1 counts the hop the balancer wrote, not what the client put before it', async () => {
    const l = limits({ kind: 'hops', hops: 1 });
    const via = (forwardedFor: string, i: number) => post({ socket: '10.0.0.2', forwardedFor, ...form(`p${i}@example.nl`) });
    // One client behind the balancer, forging the left part each time: counted as one.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await l.check(via(`1.1.1.${i}, 203.0.113.5`, i), SIGNIN_EMAIL))?.status ?? 200);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Other clients behind the same balancer have their own count.
    expect(await l.check(via('203.0.113.6', 9), SIGNIN_EMAIL)).toBeNull();
  });

  it('counts sign-in and credentials callbacks only; the 429 is the API error body with the url next-auth reads', async () => {
    const l = limits({ kind: 'none' }, 1);
    const socket = '198.51.100.9';
    expect(await l.check(post({ socket }), ['session'])).toBeNull();
    expect(await l.check(post({ socket }), ['callback', 'demo'])).toBeNull();
    const refused = await l.check(post({ socket, ...form('a@example.nl') }), SIGNIN_EMAIL);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused?.json()).toEqual({
      error: { code: 'rate_limited', message: expect.stringContaining('Te veel inlogpogingen') },
      url: `${APP}/inloggen?error=rate_limited`,
    });
  });
});

describe('sign-in limit per mailbox', () => {
  it('counts form and JSON bodies alike (next-auth accepts both)', async () => {
    const l = limits({ kind: 'none' }, 1000);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const body = i % 2 === 0 ? form(' Sanne@Example.nl ') : asJson('sanne@example.nl');
      statuses.push((await l.check(post({ socket: `198.51.100.${i}`, ...body }), SIGNIN_EMAIL))?.status ?? 200);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    // Another mailbox is not affected.
    expect(await l.check(post({ socket: '198.51.100.50', ...asJson('mehmet@example.nl') }), SIGNIN_EMAIL)).toBeNull();
  });

  it('reads every email value, and leaves the body for next-auth', async () => {
    const repeated = post({ socket: '198.51.100.1', type: 'application/x-www-form-urlencoded', body: 'email=a%40x.nl&email=B%40x.nl' });
    expect(await mailboxesOf(repeated)).toEqual(['a@x.nl', 'b@x.nl']);
    expect(await repeated.text()).toBe('email=a%40x.nl&email=B%40x.nl');
    const multipart = new FormData();
    multipart.set('email', 'c@x.nl');
    expect(await mailboxesOf(new Request(`${APP}/api/auth/signin/email`, { method: 'POST', body: multipart }))).toEqual(['c@x.nl']);
    expect(await mailboxesOf(post({ socket: '198.51.100.1', type: 'application/json', body: '{broken' }))).toEqual([]);
    expect(await mailboxesOf(post({ socket: '198.51.100.1', ...asJson('') }))).toEqual([]);
  });
});
