/**
 * Facts about the running process that route handlers report (health) but that only server/main.ts knows:
 * which bus it started. Shared through globalThis because Next's route modules are a separate module graph.
 */
const KEY = Symbol.for('onsplan.runtime');

export interface RuntimeInfo {
  busKind: 'local' | 'redis';
  startedAt: Date;
  /** Closes a user's live connections to a plan on every node; set once the realtime server runs. */
  revoke: (params: { planId: string; userId: string }) => void;
  /** Makes a role's live connections to a plan reconnect with changed rights. */
  refreshRights?: (params: { planId: string; role: string }) => void;
  /** Tells everyone with a doc open that something about it changed outside the doc (e.g. its comments). */
  notify?: (docName: string, topic: 'comments' | 'ratings') => void;
}

type WithRuntime = typeof globalThis & { [KEY]?: RuntimeInfo };

export function setRuntime(info: RuntimeInfo): void {
  (globalThis as WithRuntime)[KEY] = info;
}

export function getRuntime(): RuntimeInfo | null {
  return (globalThis as WithRuntime)[KEY] ?? null;
}
