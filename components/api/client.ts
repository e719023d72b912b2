'use client';
/**
 * The browser's one way to call the API: JSON in, `{ ok, status, data | error }` out, never throwing. A refusal
 * carries the route's own Dutch words (`{ error: { code, message, issues } }`, server/http/respond.ts), so a form
 * shows exactly what the server said; a lost connection gets one plain sentence of its own.
 */
export interface ApiError {
  code: string;
  message: string;
  issues?: { path: string; message: string }[];
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError };

export const OFFLINE_MESSAGE = 'Er is geen verbinding met Ons Plan. Controleer je internet en probeer het opnieuw.';
/** What a refusal says when the server's answer carried no words of its own (a proxy's error page, say). */
export const FAILED_MESSAGE = 'Dat lukte niet. Probeer het opnieuw.';

export async function api<T>(url: string, options: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown } = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: options.method ?? 'GET',
      cache: 'no-store',
      headers: options.body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'offline', message: OFFLINE_MESSAGE } };
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, status: res.status, data: json as T };
  const error = (json as { error?: Partial<ApiError> } | null)?.error;
  return {
    ok: false,
    status: res.status,
    error: {
      code: error?.code ?? String(res.status),
      message: error?.message ?? FAILED_MESSAGE,
      ...(error?.issues ? { issues: error.issues } : {}),
    },
  };
}

export const postJson = <T>(url: string, body: unknown = {}) => api<T>(url, { method: 'POST', body });

/**
 * A component's own words for the two cases the server cannot word: no connection (`offline`) and an answer
 * without a message (`failed`), so those read in the person's language and about what they were doing.
 */
export interface OwnWords {
  offline?: string;
  failed?: string;
}

function ownWords(error: ApiError, own: OwnWords): string | null {
  if (error.code === 'offline' && own.offline) return own.offline;
  if (error.message === FAILED_MESSAGE && !error.issues?.length && own.failed) return own.failed;
  return null;
}

/** The messages to show for a refusal: every field's problem when the server named them, else its message. */
export function messagesOf(error: ApiError, own: OwnWords = {}): string[] {
  const mine = ownWords(error, own);
  if (mine) return [mine];
  const issues = error.issues?.map((i) => i.message) ?? [];
  return issues.length > 0 ? [...new Set(issues)] : [error.message];
}

/** The one sentence to show for a refusal: the first field's problem when the server named them, else its message. */
export function messageOf(error: ApiError, own: OwnWords = {}): string {
  return ownWords(error, own) ?? error.issues?.[0]?.message ?? error.message;
}
