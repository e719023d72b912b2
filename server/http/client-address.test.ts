import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { TrustProxy } from '../config';
import { clientAddress, resolveClientAddress, SOCKET_ADDRESS_HEADER, stampSocketAddress } from './client-address';

const NONE: TrustProxy = { kind: 'none' };
const ONE_HOP: TrustProxy = { kind: 'hops', hops: 1 };
const TWO_HOPS: TrustProxy = { kind: 'hops', hops: 2 };
const BALANCERS: TrustProxy = { kind: 'proxies', proxies: ['10.0.0.2', '10.1.0.0/16'] };

describe('resolveClientAddress', () => {
  it('without TRUST_PROXY: the socket address, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('198.51.100.7', '203.0.113.1, 203.0.113.2', NONE)).toBe('198.51.100.7');
    expect(resolveClientAddress('::ffff:198.51.100.7', null, NONE)).toBe('198.51.100.7');
  });

  it('with a hop count: the address that many hops before the socket', () => {
    // The balancer (10.0.0.2) appended the address it was connected from; whatever the client wrote comes first.
    expect(resolveClientAddress('10.0.0.2', 'forged, 203.0.113.5', ONE_HOP)).toBe('203.0.113.5');
    expect(resolveClientAddress('10.0.0.2', '1.1.1.1, 203.0.113.5, 10.0.0.9', TWO_HOPS)).toBe('203.0.113.5');
    // Fewer hops than trusted: the furthest one there is.
    expect(resolveClientAddress('10.0.0.2', '203.0.113.5', TWO_HOPS)).toBe('203.0.113.5');
    expect(resolveClientAddress('10.0.0.2', null, ONE_HOP)).toBe('10.0.0.2');
  });

  it('with proxy addresses: believed only from those peers, the right-most address that is not a proxy', () => {
    expect(resolveClientAddress('10.0.0.2', '9.9.9.9, 203.0.113.5, 10.1.4.4', BALANCERS)).toBe('203.0.113.5');
    expect(resolveClientAddress('::ffff:10.0.0.2', '203.0.113.5', BALANCERS)).toBe('203.0.113.5');
    // Not from a proxy: the header is the client's own words.
    expect(resolveClientAddress('198.51.100.7', '203.0.113.5', BALANCERS)).toBe('198.51.100.7');
  });

  it('stops at an entry that is not an IP address', () => {
    expect(resolveClientAddress('10.0.0.2', '203.0.113.5, <script>', ONE_HOP)).toBe('10.0.0.2');
    expect(resolveClientAddress('10.0.0.2', 'not-an-ip', BALANCERS)).toBe('10.0.0.2');
  });
});

describe('clientAddress', () => {
  it("reads the socket address server/main.ts stamped, never X-Real-IP, and 'local' without one", () => {
    const req = (headers: Record<string, string>) => new Request('http://localhost/api/x', { headers });
    expect(clientAddress(req({ [SOCKET_ADDRESS_HEADER]: '198.51.100.7', 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '5.6.7.8' }), NONE)).toBe('198.51.100.7');
    expect(clientAddress(req({ [SOCKET_ADDRESS_HEADER]: '10.0.0.2', 'x-forwarded-for': '1.2.3.4' }), ONE_HOP)).toBe('1.2.3.4');
    expect(clientAddress(req({ 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '5.6.7.8' }), ONE_HOP)).toBe('local');
  });
});

describe('stampSocketAddress', () => {
  it("replaces a client's own copy of the socket-address header with the real socket address", async () => {
    const server = http.createServer((req, res) => {
      stampSocketAddress(req);
      res.end(String(req.headers[SOCKET_ADDRESS_HEADER]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [SOCKET_ADDRESS_HEADER]: '203.0.113.66' } });
      expect(await res.text()).toBe('127.0.0.1');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
