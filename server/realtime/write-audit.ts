/**
 * Writes are audited per connection per minute: one `section.write` event with the number of document changes,
 * who made them, in which role and section, and from which access point. Also flushed when a connection closes
 * and at shutdown, so no counted write goes unrecorded. After compaction this is where authorship of old edits
 * lives on (docs/architecture.md).
 */
import type { Db } from '../../db/client';
import { recordAudit } from '../audit/record';
import type { Connection } from './connection';

export const AUDIT_WRITES_EVERY_MS = 60_000;

export class WriteAudit {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    connections: Iterable<Connection>,
    private readonly log: (msg: string, err?: unknown) => void,
    everyMs = AUDIT_WRITES_EVERY_MS,
  ) {
    this.timer = setInterval(() => {
      for (const c of connections) this.flush(c);
    }, everyMs);
    this.timer.unref();
  }

  /** Records the writes counted on `conn` since its last flush, if any (in the background; failures are logged). */
  flush(conn: Connection): void {
    const writes = conn.takeWrites();
    if (writes === 0) return;
    recordAudit(this.db, {
      action: 'section.write',
      actorUserId: conn.userId,
      actorRole: conn.info.role,
      planId: conn.info.planId,
      section: conn.info.section,
      accessPoint: conn.info.accessPoint,
      client: conn.info.client,
      details: { writes },
    }).catch((err) => this.log('audit of writes failed', err));
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
