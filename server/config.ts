/**
 * The environment, read and validated in one place (zod). Safe embedded defaults: PGlite in ./data,
 * an in-process bus, a secret generated once and kept in ./data, demo mode on only in the embedded mode.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : ['true', '1', 'yes', 'on'].includes(v)));

/** Which X-Forwarded-For hops are believed (server/http/client-address.ts applies it). */
export type TrustProxy =
  | { kind: 'none' }
  | { kind: 'hops'; hops: number }
  /** IP addresses and CIDR ranges (`10.0.0.0/8`) of the proxies in front of the nodes. */
  | { kind: 'proxies'; proxies: readonly string[] };

export const TRUST_NOTHING: TrustProxy = { kind: 'none' };

/** Parses one `TRUST_PROXY` list entry; null when it is neither an IP address nor a CIDR range. */
export function parseProxyEntry(entry: string): { address: string; family: 4 | 6; prefix?: number } | null {
  const [address = '', prefix, ...rest] = entry.trim().split('/');
  const family = isIP(address);
  if ((family !== 4 && family !== 6) || rest.length > 0) return null;
  if (prefix === undefined) return { address, family };
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > (family === 4 ? 32 : 128)) return null;
  return { address, family, prefix: Number(prefix) };
}

/**
 * TRUST_PROXY: unset (or 0) believes no forwarding header; a number N believes the last N hops of X-Forwarded-For;
 * a comma-separated list of proxy addresses or CIDR ranges believes it only from those peers.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((raw, ctx): TrustProxy => {
    const value = (raw ?? '').trim();
    if (value === '' || value === '0') return TRUST_NOTHING;
    if (/^\d+$/.test(value)) return { kind: 'hops', hops: Number(value) };
    const proxies = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = proxies.filter((p) => !parseProxyEntry(p));
    if (bad.length > 0 || proxies.length === 0) {
      ctx.addIssue({ code: 'custom', message: `expected a hop count or proxy addresses (IP or CIDR), got ${bad.join(', ') || value}` });
      return z.NEVER;
    }
    return { kind: 'proxies', proxies };
  });

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  DEMO: flag,
  ALLOWED_ORIGINS: z.string().optional(),
  SMTP_URL: z.string().optional(),
  EMAIL_FROM: z.string().default('Ons Plan <noreply@onsplan.localhost>'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default('Inloggen via je organisatie'),
  PROFESSIONALS_REQUIRE_OIDC: flag,
  SIGNIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  TRUST_PROXY: trustProxy,
});

export interface Config {
  port: number;
  host: string;
  dev: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  secret: string;
  appUrl: string;
  demo: boolean;
  allowedOrigins: string[];
  smtpUrl: string | undefined;
  emailFrom: string;
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | undefined;
  professionalsRequireOidc: boolean;
  /** Sign-in requests one client address may make per minute. */
  signInRateLimitPerMinute: number;
  /** Which X-Forwarded-For hops are believed for the client address (rate limits, audit access point). */
  trustProxy: TrustProxy;
}

/** Thrown with every invalid variable named, so a misconfigured server refuses to start. */
export class ConfigError extends Error {}

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'nextauth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Parses the environment into a Config; generates and keeps a secret when none is given outside production use. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  if (!e.NEXTAUTH_SECRET && e.DATABASE_URL && e.NODE_ENV === 'production' && e.DEMO === false) {
    throw new ConfigError('NEXTAUTH_SECRET is required when running against PostgreSQL outside demo mode.');
  }
  const secret = e.NEXTAUTH_SECRET ?? readOrCreateSecret(dataDir);
  const appUrl = (e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const oidc =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
      ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, name: e.OIDC_NAME }
      : undefined;
  const extraOrigins = (e.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    port: e.PORT,
    host: e.HOST,
    dev: e.NODE_ENV === 'development',
    dataDir,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    secret,
    appUrl,
    // Demo sign-in is on by default only with the embedded database.
    demo: e.DEMO ?? !e.DATABASE_URL,
    allowedOrigins: [new URL(appUrl).origin, ...extraOrigins],
    smtpUrl: e.SMTP_URL,
    emailFrom: e.EMAIL_FROM,
    oidc,
    professionalsRequireOidc: e.PROFESSIONALS_REQUIRE_OIDC ?? false,
    signInRateLimitPerMinute: e.SIGNIN_RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
  };
}

/**
 * Writes the resolved values back to process.env so the Next.js route handlers (a separate module graph in the
 * same process) read the same secret, URL and demo flag.
 */
export function exportConfigToEnv(config: Config): void {
  process.env.NEXTAUTH_SECRET = config.secret;
  process.env.NEXTAUTH_URL = config.appUrl;
  process.env.DEMO = config.demo ? 'true' : 'false';
}

const KEY = Symbol.for('onsplan.config');
type WithConfig = typeof globalThis & { [KEY]?: Config };

/** The process-wide config, loaded once. */
export function getConfig(): Config {
  const g = globalThis as WithConfig;
  g[KEY] ??= loadConfig();
  return g[KEY];
}
