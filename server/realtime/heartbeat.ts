/**
 * Liveness: every `intervalMs` each watched socket is pinged, and one that did not answer the previous ping with a
 * pong is considered dead and terminated (a peer whose network vanished never sends a close frame).
 */
import type { WebSocket } from 'ws';

export class Heartbeat {
  /** Watched sockets, and whether each answered since the last ping. */
  private readonly alive = new Map<WebSocket, boolean>();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs: number) {
    this.timer = setInterval(() => this.beat(), intervalMs);
    this.timer.unref();
  }

  /** Starts watching a socket until it closes. */
  watch(ws: WebSocket): void {
    this.alive.set(ws, true);
    ws.on('pong', () => {
      if (this.alive.has(ws)) this.alive.set(ws, true);
    });
    ws.once('close', () => this.alive.delete(ws));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private beat(): void {
    for (const [ws, answered] of this.alive) {
      if (!answered) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }
}
