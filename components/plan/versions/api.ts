/** Posts JSON to one of the plan's routes; `{ ok, error }` with the server's own words on refusal, never throwing. */
export async function postJson(url: string, body: unknown): Promise<{ ok: boolean; status: number; error?: string; data?: Record<string, unknown> }> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const data = (await res.json().catch(() => ({}))) as Record<string, unknown> & { error?: string; issues?: { message: string }[] };
    return { ok: res.ok, status: res.status, error: data.issues?.[0]?.message ?? data.error, data };
  } catch {
    return { ok: false, status: 0 };
  }
}
