/**
 * `npm start` builds when there is no production build, or when the sources changed since the last one
 * (a pulled branch must not be served from a stale build). The fingerprint is a hash of the source files'
 * paths, sizes and modification times.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SOURCE_DIRS = ['app', 'components', 'lib', 'server', 'db', 'i18n', 'messages', 'public'];
const SOURCE_FILES = ['next.config.js', 'package-lock.json', 'tsconfig.json'];
const STAMP = path.join('.next', 'onsplan-source-fingerprint');

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (!entry.name.endsWith('.test.ts')) out.push(full);
  }
}

/** Hash of what the build depends on. */
export function sourceFingerprint(root: string): string {
  const files: string[] = [];
  for (const d of SOURCE_DIRS) walk(path.join(root, d), files);
  for (const f of SOURCE_FILES) if (existsSync(path.join(root, f))) files.push(path.join(root, f));
  const hash = createHash('sha256');
  for (const f of files.sort()) {
    const s = statSync(f);
    hash.update(`${path.relative(root, f)}:${s.size}:${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Runs `next build` when needed; exits the process when the build fails. */
export function ensureBuild(root: string): void {
  const fingerprint = sourceFingerprint(root);
  const stamp = path.join(root, STAMP);
  const built = existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint;
  if (built) return;
  console.log('[start] building the app (first start or changed sources; this takes a few minutes)…');
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    console.error('[start] the build failed; see the output above.');
    process.exit(1);
  }
  writeFileSync(stamp, fingerprint);
  console.log(`[start] build ready in ${Math.round((Date.now() - started) / 1000)} s`);
}
