/** One way for the membership screens to call their API: JSON in, `{ ok, status, body }` out, never throwing. */
export interface ApiResult<T> {
  ok: boolean;
  status: number;
  body: T & { error?: string; issues?: { message: string }[] };
}

export async function callApi<T = Record<string, unknown>>(url: string, method: 'POST' | 'DELETE', body?: unknown): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as ApiResult<T>['body'];
    return { ok: res.ok, status: res.status, body: json };
  } catch {
    return { ok: false, status: 0, body: {} as ApiResult<T>['body'] };
  }
}

/** The messages to show for a failed call: the server's own words when it gave them, else the fallback. */
export function errorsOf(result: ApiResult<unknown>, fallback: string): string[] {
  const issues = result.body.issues?.map((i) => i.message) ?? [];
  if (issues.length > 0) return [...new Set(issues)];
  return [result.body.error ?? fallback];
}
