/**
 * The one process: the Next.js request handler and the realtime WebSocket server on the same port
 * (same origin, same cookies). Start-up order: config → build (if needed) → database + migrations → demo seed
 * → bus → realtime → Next → listen. SIGTERM flushes pending writes, closes sockets with 1001 and exits.
 */
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { openDatabase, setSharedDatabase } from '../db/client';
import { seedDemoIfEmpty } from '../db/seed/demo';
import { ensureBuild } from './build';
import { exportConfigToEnv, loadConfig } from './config';
import { stampSocketAddress } from './http/client-address';
import { createProjector } from './projection/projector';
import { createBus } from './realtime/create-bus';
import { createRealtimeServer } from './realtime/server';
import { setRuntime } from './runtime';

async function main(): Promise<void> {
  const startedAt = Date.now();
  const root = process.cwd();
  const config = loadConfig();
  exportConfigToEnv(config);
  process.env.NEXT_TELEMETRY_DISABLED = '1';

  if (!config.dev) ensureBuild(root);

  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: path.join(config.dataDir, 'pglite') });
  await database.migrate();
  setSharedDatabase(database);
  if (config.demo && (await seedDemoIfEmpty(database.db))) console.log('[start] demo data seeded');

  const bus = await createBus(config.redisUrl);
  const projector = createProjector({ db: database.db });
  const realtime = createRealtimeServer({
    onStored: (docName, doc) => projector.schedule(docName, doc),
    db: database.db,
    bus,
    secret: config.secret,
    allowedOrigins: config.allowedOrigins,
    secureCookie: config.appUrl.startsWith('https://'),
    trustProxy: config.trustProxy,
  });
  setRuntime({
    busKind: bus.kind,
    startedAt: new Date(),
    revoke: (p) => realtime.revoke(p),
    refreshRights: (p) => realtime.refreshRights(p),
    notify: (doc, topic) => realtime.notify(doc, topic),
  });

  const app = next({ dev: config.dev, dir: root, hostname: 'localhost', port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgradeNext = app.getUpgradeHandler();

  const server = createServer((req, res) => {
    // Route handlers see a Request without the socket: its address travels in a header only this server writes.
    stampSocketAddress(req);
    handle(req, res).catch((err: unknown) => {
      console.error('[http] unhandled error', err);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // Node closes idle keep-alive sockets after 5 s; a client (or a load balancer, typically 60 s) that reuses one at
  // that moment gets ECONNRESET. Keep them open longer than any balancer's idle timeout.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('upgrade', (req, socket, head) => {
    if (realtime.handleUpgrade(req, socket, head)) return;
    if (config.dev)
      void upgradeNext(req, socket, head); // hot reload in development
    else socket.destroy();
  });

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  console.log(
    `[start] Ons Plan on ${config.appUrl} — database ${database.kind}, bus ${bus.kind}, demo ${config.demo ? 'on' : 'off'} (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[stop] ${signal}: flushing and closing`);
    server.close();
    server.closeAllConnections?.();
    await realtime.close();
    await projector.flush();
    await bus.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('[start] failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
