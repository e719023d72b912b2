import { readFileSync } from 'node:fs';
import path from 'node:path';

let cached: string | null = null;

/** The app version from package.json. */
export function appVersion(): string {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { version: string };
  cached = pkg.version;
  return cached;
}
