/**
 * The client's address, for the sign-in rate limits and every audit event's access point — one rule for the HTTP
 * routes, the pages and the WebSocket upgrade.
 *
 * Only the TCP peer's address is a fact; `X-Forwarded-For` is whatever the sender wrote, so it is believed only as
 * far as `TRUST_PROXY` says (server/config.ts):
 *
 * - unset: the socket's address. X-Forwarded-For and X-Real-IP are ignored (anyone can send them).
 * - a hop count N: the address N hops before the socket, read from the right of X-Forwarded-For (each proxy
 *   appends the address it was connected from, so the right-most entries are the ones our own proxies wrote).
 * - proxy addresses (IPs or CIDR ranges): when the socket is one of them, the right-most X-Forwarded-For entry that
 *   is not; from any other peer the header is ignored.
 *
 * Walking stops at an entry that is not an IP address, so a malformed or crafted entry never becomes the address.
 * X-Real-IP is never read: with a proxy that sets it, X-Forwarded-For carries the same address.
 */
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { getConfig, parseProxyEntry, type TrustProxy } from '../config';

export type { TrustProxy } from '../config';

/**
 * The socket's address of an HTTP request, as server/main.ts stamps it before handing the request to Next (whose
 * route handlers only see a `Request`, without the socket). main.ts deletes any copy a client sent first.
 */
export const SOCKET_ADDRESS_HEADER = 'x-onsplan-remote-addr';

/** Where the address of a request that did not come through server/main.ts (tests) is unknown. */
const UNKNOWN = 'local';

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is `192.0.2.1`. */
function normalize(address: string): string {
  const a = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a;
}

const lists = new WeakMap<readonly string[], BlockList>();

function proxyList(proxies: readonly string[]): BlockList {
  let list = lists.get(proxies);
  if (list) return list;
  list = new BlockList();
  for (const entry of proxies) {
    const parsed = parseProxyEntry(entry);
    if (!parsed) continue; // refused by the config already
    const type = parsed.family === 4 ? 'ipv4' : 'ipv6';
    if (parsed.prefix === undefined) list.addAddress(parsed.address, type);
    else list.addSubnet(parsed.address, parsed.prefix, type);
  }
  lists.set(proxies, list);
  return list;
}

function isProxy(address: string, proxies: readonly string[]): boolean {
  const family = isIP(address);
  return family !== 0 && proxyList(proxies).check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address given the socket's address and the X-Forwarded-For header(s), under `trust`.
 * Exported for the tests; callers use `clientAddress` or `upgradeClientAddress`.
 */
export function resolveClientAddress(socketAddress: string | null | undefined, forwardedFor: string | null | undefined, trust: TrustProxy): string | null {
  if (!socketAddress) return null;
  let address = normalize(socketAddress);
  if (trust.kind === 'none' || !forwardedFor) return address;
  const hops = forwardedFor.split(',').map(normalize);
  const believe = (i: number) => (trust.kind === 'hops' ? hops.length - i <= trust.hops : isProxy(address, trust.proxies));
  for (let i = hops.length - 1; i >= 0 && believe(i); i--) {
    const next = hops[i] ?? '';
    if (!isIP(next)) break;
    address = next;
  }
  return address;
}

/** The client address of a route handler's or page's request (stamped by server/main.ts, see above). */
export function clientAddressOf(headers: Pick<Headers, 'get'>, trust: TrustProxy = getConfig().trustProxy): string {
  return resolveClientAddress(headers.get(SOCKET_ADDRESS_HEADER), headers.get('x-forwarded-for'), trust) ?? UNKNOWN;
}

/** The client address of a route handler's request. */
export function clientAddress(req: Request, trust?: TrustProxy): string {
  return clientAddressOf(req.headers, trust);
}

/** The client address of a request on the Node socket itself (the WebSocket upgrade). */
export function upgradeClientAddress(req: IncomingMessage, trust: TrustProxy): string | null {
  const forwarded = req.headers['x-forwarded-for'];
  return resolveClientAddress(req.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(',') : forwarded, trust);
}

/**
 * Stamps the socket's address on an incoming request for the route handlers (server/main.ts, before Next sees it).
 * A copy sent by the client is removed first: only this server writes the header.
 */
export function stampSocketAddress(req: IncomingMessage): void {
  delete req.headers[SOCKET_ADDRESS_HEADER];
  const address = req.socket.remoteAddress;
  if (address) req.headers[SOCKET_ADDRESS_HEADER] = address;
}
