/**
 * Control characters in typed text. NUL cannot be stored in a PostgreSQL text column (the insert fails), and the
 * other C0 controls and DEL have no meaning in a plan; tab, newline and carriage return are ordinary typing.
 * The route shape (server/http/route.ts) refuses a body holding any of them with a 400 before a service runs.
 */
// Matching control characters is the point (no-control-regex, were it on, would need a disable here).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/** The path (`a.b.0`) of the first string in a JSON value that holds a control character, or null. */
export function findControlCharacter(value: unknown, path: (string | number)[] = []): string | null {
  if (typeof value === 'string') return hasControlCharacter(value) ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacter(value[i], [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (hasControlCharacter(key)) return [...path, key].join('.');
      const found = findControlCharacter(inner, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
