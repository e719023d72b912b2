/**
 * A realtime node in its own process, for tests that kill it (SIGKILL) the way a crash or an OOM kill would.
 * Started by test/crash.ts helpers with:
 *   TEST_DB          a PostgreSQL URL, or a PGlite data directory (already migrated by the test)
 *   TEST_PORT        port to listen on (0: any; the chosen port is printed)
 *   TEST_SECRET      the next-auth secret
 *   TEST_ORIGIN      the allowed Origin
 *   TEST_FLUSH_MS    the write batching delay
 * Prints `ready <port>` once listening. SIGTERM closes gracefully (flush, 1001, database closed).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../db/client';
import { LocalBus } from '../server/realtime/bus';
import { createRealtimeServer } from '../server/realtime/server';

async function main(): Promise<void> {
  const target = process.env.TEST_DB ?? '';
  const database = await openDatabase(/^postgres(ql)?:\/\//.test(target) ? { url: target } : { dataDir: target });
  const rt = createRealtimeServer({
    db: database.db,
    bus: new LocalBus(),
    secret: process.env.TEST_SECRET ?? '',
    allowedOrigins: [process.env.TEST_ORIGIN ?? ''],
    limits: { flushDelayMs: Number(process.env.TEST_FLUSH_MS ?? 100) },
    log: () => undefined,
  });
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    if (!rt.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.TEST_PORT ?? 0), '127.0.0.1', resolve));
  process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`);
  process.on('SIGTERM', () => {
    void (async () => {
      server.close();
      server.closeAllConnections();
      await rt.close();
      await database.close();
      process.exit(0);
    })();
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
