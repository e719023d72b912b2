import { Refusal } from '../server/refusal';
/** Small assertions for tests that keep strict types without non-null assertions. */

/** Returns the value, failing the test with `what` when it is null or undefined. */
export function defined<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what} to be defined`);
  return value;
}

/** The Refusal a service threw; fails the test when it resolved or threw something else. */
export async function refusalOf(pending: Promise<unknown>): Promise<Refusal> {
  try {
    await pending;
  } catch (err) {
    if (err instanceof Refusal) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

/** The kind of the Refusal a service threw (see refusalOf). */
export async function refusalKind(pending: Promise<unknown>): Promise<string> {
  return (await refusalOf(pending)).kind;
}
