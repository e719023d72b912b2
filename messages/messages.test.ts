/**
 * Dutch first, English complete: nl.json and en.json have exactly the same keys (nested), every message is a
 * string, and each English message uses the same ICU arguments (name and type: `{name}`, `{count, plural, …}`) as
 * its Dutch original, so a placeholder can neither go missing nor be invented by a translation.
 */
import { describe, expect, it } from 'vitest';
import en from './en.json';
import nl from './nl.json';

type Messages = { [key: string]: string | Messages };

/** `{ a: { b: 'x' } }` → `[['a.b', 'x']]`; a leaf that is not a string is reported as the value itself. */
function flatten(messages: Messages, prefix = ''): [string, unknown][] {
  return Object.entries(messages).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === 'object' ? flatten(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

const PLURAL_LIKE = new Set(['plural', 'select', 'selectordinal']);

/**
 * The ICU arguments of a message as `name` or `name:type`, sorted; nested plural/select branches are walked too.
 * A small parser rather than a regular expression: in `{n, plural, one {cijfer} other {cijfers}}` the branch
 * texts are not arguments. The messages use no ICU quoting (`'{'`), so apostrophes are plain text here.
 */
function icuArguments(message: string): string[] {
  const found: string[] = [];
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`${why} at ${i} in ${JSON.stringify(message)}`);
  };
  const skipSpace = () => {
    while (i < message.length && /\s/.test(message.charAt(i))) i++;
  };
  const readUntil = (stops: string) => {
    const start = i;
    while (i < message.length && !stops.includes(message.charAt(i))) i++;
    return message.slice(start, i).trim();
  };
  // Text up to the `}` that closes the enclosing branch (or the end of the message at the top level).
  const text = (nested: boolean) => {
    while (i < message.length) {
      const c = message.charAt(i);
      if (c === '}') {
        if (!nested) fail('unmatched }');
        return;
      }
      if (c === '{') argument();
      else i++;
    }
    if (nested) fail('unclosed {');
  };
  const argument = () => {
    i++; // {
    const name = readUntil(',}');
    if (!/^[A-Za-z_][\w]*$/.test(name)) fail(`bad argument name "${name}"`);
    if (message.charAt(i) === '}') {
      i++;
      found.push(name);
      return;
    }
    i++; // ,
    const type = readUntil(',}');
    found.push(`${name}:${type}`);
    if (PLURAL_LIKE.has(type)) {
      if (message.charAt(i) !== ',') fail(`${type} without options`);
      i++;
      for (;;) {
        skipSpace();
        if (message.charAt(i) === '}') break;
        readUntil('{ \t\n'); // selector: one, other, =0, offset:1 …
        skipSpace();
        if (message.charAt(i) !== '{') fail('option without a message');
        i++;
        text(true);
        i++; // } of the branch
      }
    } else {
      // number/date/time with an optional style: skip to the closing brace.
      readUntil('}');
    }
    if (message.charAt(i) !== '}') fail('unclosed argument');
    i++;
  };
  text(false);
  return [...new Set(found)].sort();
}

const nlMessages = new Map(flatten(nl as Messages));
const enMessages = new Map(flatten(en as Messages));

describe('messages: nl and en', () => {
  it('have exactly the same keys', () => {
    const onlyNl = [...nlMessages.keys()].filter((k) => !enMessages.has(k));
    const onlyEn = [...enMessages.keys()].filter((k) => !nlMessages.has(k));
    expect({ missingInEn: onlyNl, missingInNl: onlyEn }).toEqual({ missingInEn: [], missingInNl: [] });
  });

  it('hold a non-empty string in every key', () => {
    const bad = [...nlMessages, ...enMessages].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it('use the same ICU arguments in both languages', () => {
    const differences: string[] = [];
    for (const [key, dutch] of nlMessages) {
      const english = enMessages.get(key);
      if (typeof dutch !== 'string' || typeof english !== 'string') continue;
      const a = icuArguments(dutch).join(', ');
      const b = icuArguments(english).join(', ');
      if (a !== b) differences.push(`${key}: nl {${a}} en {${b}}`);
    }
    expect(differences).toEqual([]);
  });

  it('reads ICU arguments, not plural branch texts', () => {
    expect(icuArguments('Hallo {name}')).toEqual(['name']);
    expect(icuArguments('{count, plural, one {# cijfer} other {# cijfers van {name}}}')).toEqual(['count:plural', 'name']);
    expect(icuArguments('{n, plural, =0 {geen} other {#}} · {m, select, a {x} other {y}}')).toEqual(['m:select', 'n:plural']);
    expect(icuArguments('Geen argumenten, wel een apostrof: plan’s')).toEqual([]);
    expect(() => icuArguments('kapot {name')).toThrow();
  });
});
