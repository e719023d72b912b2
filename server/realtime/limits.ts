/** Bounds of the realtime server. One place, so tests and docs name the same numbers. */
export interface RealtimeLimits {
  /** Largest accepted WebSocket message; larger closes with 4413. */
  maxMessageBytes: number;
  /** Open connections one user may hold at once (tabs × sections); more closes with 4429 at the upgrade. */
  maxConnectionsPerUser: number;
  /** Ping interval; a peer that misses one pong is dropped. */
  pingIntervalMs: number;
  /** How long stored updates wait to be written as one batch. */
  flushDelayMs: number;
  /** Rows of one doc after which it is compacted into a snapshot. */
  compactAfterRows: number;
}

export const DEFAULT_LIMITS: RealtimeLimits = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxConnectionsPerUser: 64,
  pingIntervalMs: 30_000,
  flushDelayMs: 100,
  compactAfterRows: 500,
};

/** WebSocket close codes the client understands (ARCHITECTURE.md). */
export const CLOSE = {
  goingAway: 1001,
  malformed: 4400,
  notSignedIn: 4401,
  forbidden: 4403,
  tooLarge: 4413,
  /** The member's rights changed (a plan override): reconnect and get the new rights. */
  rightsChanged: 4000,
} as const;
