/**
 * Node-side helpers for e2e specs that talk to the running server as an attacker or a scripted client would:
 * sign in over HTTP (demo provider) and open live documents with a real y-websocket provider or a raw socket.
 */
import { request, type APIRequestContext } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface Session {
  api: APIRequestContext;
  cookie: string;
  userId: string;
}

/** Signs in as a demo person through next-auth's own endpoints; returns the session cookie. */
export async function signInOverHttp(baseURL: string, email: string): Promise<Session> {
  const api = await request.newContext({ baseURL });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await api.post('/api/auth/callback/demo', { form: { csrfToken, email, json: 'true' }, maxRedirects: 0 });
  if (res.status() >= 400) throw new Error(`sign-in as ${email} failed: ${res.status()}`);
  const state = await api.storageState();
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  if (!cookie.includes('next-auth.session-token')) throw new Error(`no session cookie for ${email}`);
  const session = (await (await api.get('/api/auth/session')).json()) as { user?: { id?: string } };
  return { api, cookie, userId: session.user?.id ?? '' };
}

/** Tries the WebSocket upgrade; resolves with the HTTP status (101 when it opened). */
export function upgradeStatus(baseURL: string, docName: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${baseURL.replace(/^http/, 'ws')}/collab/${docName}`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', (err) => reject(err));
  });
}

export interface LiveDoc {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closeCodes: number[];
  close(): void;
}

/** Opens a live document as the session's user and waits until it is synced. */
export async function openLive(baseURL: string, docName: string, cookie: string): Promise<LiveDoc> {
  const origin = new URL(baseURL).origin;
  class AuthedSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie }, origin });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseURL.replace(/^http/, 'ws')}/collab`, docName, doc, {
    WebSocketPolyfill: AuthedSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync on ${docName}`)), 10_000);
    provider.on('sync', (synced: boolean) => {
      if (synced) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    doc,
    provider,
    closeCodes,
    close() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Appends a paragraph with `text` to the doc's rich text. */
export function writeParagraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('body').push([p]);
}

export function textOf(doc: Y.Doc): string {
  return doc.getXmlFragment('body').toString();
}

/** Polls until `check` is true or the time is up; returns the last result. */
export async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}
