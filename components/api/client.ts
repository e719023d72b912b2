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
      message: error?.message ?? 'Dat lukte niet. Probeer het opnieuw.',
      ...(error?.issues ? { issues: error.issues } : {}),
    },
  };
}

export const postJson = <T>(url: string, body: unknown = {}) => api<T>(url, { method: 'POST', body });

/** The messages to show for a refusal: every field's problem when the server named them, else its message. */
export function messagesOf(error: ApiError): string[] {
  const issues = error.issues?.map((i) => i.message) ?? [];
  return issues.length > 0 ? [...new Set(issues)] : [error.message];
}
