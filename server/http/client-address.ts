/** The client's address for rate limits and the audit trail. Behind a proxy, its first X-Forwarded-For hop. */
export function clientAddress(req: Request): string {
  const forwarded = req.headers.get('x-forwarded-for');
  if (forwarded) return forwarded.split(',')[0]?.trim() || 'unknown';
  return req.headers.get('x-real-ip') ?? 'local';
}
