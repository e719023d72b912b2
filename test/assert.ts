/** Small assertions for tests that keep strict types without non-null assertions. */

/** Returns the value, failing the test with `what` when it is null or undefined. */
export function defined<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what} to be defined`);
  return value;
}
