/**
 * Revoke and refresh, on every node, including upgrades still being admitted.
 *
 * `revoke` closes one user's connections to a plan with 4403 (consent withdrawn, member removed; no reconnect);
 * `refreshRights` closes one role's connections with 4000 (an override changed what the role may do; the client
 * reconnects and gets its new rights). Both act on this node and publish the scope on the bus for the others.
 *
 * An admission reads the membership before its socket joins the live connections, so a revoke can fall in
 * between. Admissions in flight are registered here; a scope that arrives meanwhile is kept on the admission,
 * which asks `superseded` before it opens and again once its room is loaded, and ends with 4403 or 4000 instead
 * of staying open with the rights it read.
 */
import type { Bus, BusMessage } from './bus';
import { CLOSE } from './limits';

/** Whose connections to close: a plan and a user or a role; `refresh` lets them reconnect. */
export interface RevokeScope {
  planId: string;
  userId?: string;
  role?: string;
  refresh?: boolean;
}

/** What a revoke or refresh asks of a connection: closed for good, reconnected for new rights, or nothing. */
export type Superseded = 'revoked' | 'refresh' | null;

/** An upgrade being admitted to a plan, and the revokes and refreshes of that plan that arrived meanwhile. */
export interface Admission {
  readonly planId: string;
  /** Whether a scope that arrived during the admission covers this user in this role. */
  superseded(userId: string, role: string): Superseded;
}

/** The part of a live connection a revoke looks at. */
export interface Revocable {
  readonly userId: string;
  readonly info: { planId: string; role: string };
  close(code: number, reason: string): void;
}

/** Whether a revoke or refresh scope covers a connection of this user in this role. */
export function inScope(scope: RevokeScope, userId: string, role: string): boolean {
  return (!scope.userId || scope.userId === userId) && (!scope.role || scope.role === role);
}

class PendingAdmission implements Admission {
  readonly scopes: RevokeScope[] = [];

  constructor(readonly planId: string) {}

  superseded(userId: string, role: string): Superseded {
    const hits = this.scopes.filter((scope) => inScope(scope, userId, role));
    if (hits.some((scope) => !scope.refresh)) return 'revoked';
    return hits.length > 0 ? 'refresh' : null;
  }
}

export class Revocation {
  private readonly admissions = new Set<PendingAdmission>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly deps: {
      bus: Bus;
      nodeId: string;
      /** This node's live connections. */
      connections: Iterable<Revocable>;
      log: (msg: string, err?: unknown) => void;
    },
  ) {
    this.unsubscribe = deps.bus.subscribe('*', (message: BusMessage) => {
      if (message.kind !== 'revoke') return;
      try {
        this.closeLocal(JSON.parse(Buffer.from(message.payload).toString('utf8')) as RevokeScope);
      } catch (err) {
        deps.log('bad revoke message', err);
      }
    });
  }

  /** Runs one admission to `planId`, registered so that revokes arriving meanwhile reach it. */
  async admitting<T>(planId: string, admit: (admission: Admission) => Promise<T>): Promise<T> {
    const admission = new PendingAdmission(planId);
    this.admissions.add(admission);
    try {
      return await admit(admission);
    } finally {
      this.admissions.delete(admission);
    }
  }

  /** Closes a user's live connections to a plan on every node. */
  revoke({ planId, userId }: { planId: string; userId: string }): void {
    this.everywhere({ planId, userId });
  }

  /** Makes every connection of one role in a plan reconnect, on every node. */
  refreshRights({ planId, role }: { planId: string; role: string }): void {
    this.everywhere({ planId, role, refresh: true });
  }

  /** Stops listening for other nodes' revokes (at shutdown). */
  stop(): void {
    this.unsubscribe();
  }

  private everywhere(scope: RevokeScope): void {
    this.closeLocal(scope);
    const { bus, nodeId } = this.deps;
    bus.publish({ kind: 'revoke', doc: '*', origin: nodeId, payload: Buffer.from(JSON.stringify(scope)) });
  }

  /**
   * Closes this node's connections in a scope: one user's (revoked: 4403, no reconnect) or one role's
   * (rights changed: 4000). An empty scope is refused.
   */
  private closeLocal(scope: RevokeScope): void {
    if (!scope.userId && !scope.role) return this.deps.log('refused a revoke without a user or role');
    // Admissions in flight may already have read the old rights; they check these scopes when they finish.
    for (const a of this.admissions) if (a.planId === scope.planId) a.scopes.push(scope);
    for (const c of this.deps.connections) {
      if (c.info.planId !== scope.planId || !inScope(scope, c.userId, c.info.role)) continue;
      if (scope.refresh) c.close(CLOSE.rightsChanged, 'rights changed');
      else c.close(CLOSE.forbidden, 'access revoked');
    }
  }
}
