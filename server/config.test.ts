import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'onsplan-config-'));

describe('loadConfig', () => {
  it('has safe embedded defaults: PGlite, local bus, demo on, a generated secret kept in the data directory', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.demo).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.allowedOrigins).toEqual(['http://localhost:3000']);
    expect(config.secret.length).toBeGreaterThanOrEqual(32);
    // The same secret on the next start, so sessions survive a restart.
    expect(loadConfig({ DATA_DIR: dir }).secret).toBe(config.secret);
    expect(readFileSync(path.join(dir, 'nextauth-secret'), 'utf8')).toBe(config.secret);
  });

  it('turns demo mode off by default with PostgreSQL, and on again when asked', () => {
    const base = { DATA_DIR: dataDir(), DATABASE_URL: 'postgres://u@127.0.0.1:5432/x', NODE_ENV: 'development' } as const;
    expect(loadConfig(base).demo).toBe(false);
    expect(loadConfig({ ...base, DEMO: 'true' }).demo).toBe(true);
  });

  it('refuses to start on PostgreSQL in production without a secret', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres://u@127.0.0.1:5432/x', NODE_ENV: 'production', DEMO: 'false' })).toThrow(
      ConfigError,
    );
  });

  it('names every invalid variable', () => {
    try {
      loadConfig({ DATA_DIR: dataDir(), PORT: 'abc', DATABASE_URL: 'not a url' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect(String(err)).toContain('PORT');
      expect(String(err)).toContain('DATABASE_URL');
    }
  });

  it('allows the public origin and any extra origins for live documents', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), NEXTAUTH_URL: 'https://onsplan.example.nl/', ALLOWED_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.appUrl).toBe('https://onsplan.example.nl');
    expect(config.allowedOrigins).toEqual(['https://onsplan.example.nl', 'https://a.example', 'https://b.example']);
  });

  it('believes no forwarding header unless TRUST_PROXY says which hops to believe', () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).trustProxy).toEqual({ kind: 'none' });
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '0' }).trustProxy).toEqual({ kind: 'none' });
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '2' }).trustProxy).toEqual({ kind: 'hops', hops: 2 });
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '10.0.0.2, 10.1.0.0/16,::1' }).trustProxy).toEqual({
      kind: 'proxies',
      proxies: ['10.0.0.2', '10.1.0.0/16', '::1'],
    });
    // `true` (believe every hop) is refused on purpose: the left-most hop is whatever the client wrote.
    for (const bad of ['true', 'balancer.internal', '10.0.0.0/33', '-1', ',']) {
      expect(() => loadConfig({ DATA_DIR: dir, TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
});
