/**
 * The HTTP upgrade to `/collab/<docName>`: everything is decided before a WebSocket exists.
 * Order: path → Origin (403) → session cookie (401) → membership and the policy (403) → connection limit (429).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { parseDocName, type SectionKey } from '../../lib/sections';

export const COLLAB_PREFIX = '/collab/';

export type UpgradeDecision =
  { ok: true; docName: string; planId: string; section: SectionKey } | { ok: false; status: 400 | 401 | 403 | 404 | 429; reason: string };

/** Parses the doc name from the request path; null when the path is not ours at all. */
export function docNameFromPath(url: string | undefined): { ok: true; docName: string; planId: string; section: SectionKey } | { ok: false } | null {
  const path = (url ?? '').split('?')[0] ?? '';
  if (!path.startsWith(COLLAB_PREFIX)) return null;
  let name: string;
  try {
    name = decodeURIComponent(path.slice(COLLAB_PREFIX.length));
  } catch {
    return { ok: false };
  }
  const parsed = parseDocName(name);
  return parsed ? { ok: true, docName: name, ...parsed } : { ok: false };
}

/** True when the browser's Origin is one we serve; a missing Origin is refused too. */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  return typeof origin === 'string' && allowed.includes(origin);
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** Answers the upgrade with a plain HTTP error and closes the socket: no WebSocket is ever created. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  if (socket.writable) {
    const body = JSON.stringify({ error: reason });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
        'Connection: close\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
