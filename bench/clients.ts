/**
 * A fleet of real y-websocket clients (the provider the browser uses, over `ws`, with the browser's Cookie and
 * Origin headers) and the editing workload of the realtime benchmarks.
 *
 * Each client types into the Y.Text `body` of its doc at a steady rate (jittered, so clients do not move in
 * lockstep): a few characters at its cursor, sometimes a backspace first, sometimes a jump to another place; and
 * after each edit it moves its caret in awareness as CollaborationCaret does. Propagation is tracked per edit by
 * its Yjs id: after an edit the sender's clock for its own client id is C; the edit has reached another client
 * once that client's state for the sender's id is ≥ C. Latency of an edit = from just before the local edit until
 * the last other client on the doc has it. All clients live in this process, so one clock measures both ends.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Target } from './server-process';
import { LatenessProbe, sleep } from './stats';

interface Edit {
  t0: number;
  /** The sender's clock after the edit. */
  clock: number;
  /** Other clients that do not have it yet. */
  remaining: number;
  /** Made inside the measured window (after warm-up). */
  measured: boolean;
}

interface Member {
  group: Member[];
  slot: number;
  doc: Y.Doc;
  text: Y.Text;
  awareness: awarenessProtocol.Awareness;
  provider: WebsocketProvider;
  edits: Edit[];
  /** Per sender slot in the group: index of that sender's first edit this client does not have yet. */
  seen: number[];
  cursor: number;
  disconnects: number;
}

export interface ConnectSample {
  ms: number;
  /** First client on its doc: the server had to create and load the room. */
  cold: boolean;
}

export interface RunOptions {
  /** Edits per second per client. */
  ratePerClient: number;
  /** Total editing time, warm-up included. */
  seconds: number;
  /** Edits started before this are not counted. */
  warmupSeconds: number;
  /** After editing stops, how long to wait for the last edits to arrive. */
  drainSeconds: number;
  /** Called when the measured window starts and ends (snapshots of the server's counters). */
  onWindowStart?: () => void;
  onWindowEnd?: () => void;
}

export interface RunResult {
  /** Per measured edit: ms until every other client on its doc had it. */
  latencies: number[];
  /** Measured edits made / edits that reached everyone within the window, per second. */
  offeredPerSec: number;
  deliveredPerSec: number;
  /** Edit × receiver deliveries per second within the window. */
  deliveriesPerSec: number;
  windowSeconds: number;
  /** Measured edits that had not reached everyone when the drain time ran out. */
  undelivered: number;
  measuredEdits: number;
  /** Every client on a doc ended with the same text. */
  converged: boolean;
  /** Connections that closed during the run (the provider reconnects by itself). */
  disconnects: number;
  /** Event-loop lateness of this (client) process while editing, ms (see LatenessProbe). */
  clientLoop: { p50: number; p99: number; max: number };
  /** CPU time of this (client) process during the run, as a share of one core (all fleets in it together). */
  clientCpuShare: number;
}

/** A `ws` WebSocket that sends the browser's headers, as the tests do (test/realtime.ts). */
function webSocketWithHeaders(headers: Record<string, string>): typeof globalThis.WebSocket {
  class HeaderWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return HeaderWebSocket as unknown as typeof globalThis.WebSocket;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz     ';

function randomChars(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += LETTERS[Math.floor(Math.random() * LETTERS.length)] ?? ' ';
  return s;
}

export class ClientFleet {
  private readonly groups: Member[][] = [];
  private latencies: number[] = [];
  private windowStart = Number.POSITIVE_INFINITY;
  private windowEnd = Number.POSITIVE_INFINITY;
  private deliveredInWindow = 0;
  private deliveriesInWindow = 0;
  /** Process 'exit' listeners this fleet's providers were allowed (given back on destroy). */
  private listenerAllowance = 0;

  constructor(private readonly options: { url: string; origin: string; targets: Target[]; awareness: boolean; connectTimeoutMs?: number }) {}

  get size(): number {
    return this.groups.reduce((n, g) => n + g.length, 0);
  }

  /**
   * Connects every client, one after another (so each sample is one connection's own time, not a queue), and
   * returns how long each took from creating the socket to the provider's first sync.
   */
  async connectAll(): Promise<ConnectSample[]> {
    // In Node, each y-websocket provider adds a process 'exit' listener (to say goodbye in awareness).
    const total = this.options.targets.reduce((n, t) => n + t.cookies.length, 0);
    process.setMaxListeners(process.getMaxListeners() + total);
    this.listenerAllowance += total;
    const samples: ConnectSample[] = [];
    for (const target of this.options.targets) {
      const group: Member[] = [];
      this.groups.push(group);
      for (const [slot, cookie] of target.cookies.entries()) {
        const t0 = performance.now();
        const member = this.connect(group, slot, target.docName, cookie);
        await this.waitSynced(member);
        samples.push({ ms: performance.now() - t0, cold: slot === 0 });
      }
      for (const member of group) member.seen = group.map(() => 0);
    }
    return samples;
  }

  private connect(group: Member[], slot: number, docName: string, cookie: string | null): Member {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    if (this.options.awareness) awareness.setLocalState({ user: { name: `Bench ${slot}`, color: '#1a7f5a' } });
    else awareness.setLocalState(null);
    const headers: Record<string, string> = { Origin: this.options.origin };
    if (cookie) headers.Cookie = cookie;
    const provider = new WebsocketProvider(this.options.url, docName, doc, {
      WebSocketPolyfill: webSocketWithHeaders(headers),
      awareness,
      disableBc: true,
      maxBackoffTime: 2500,
    });
    const member: Member = {
      group,
      slot,
      doc,
      text: doc.getText('body'),
      awareness,
      provider,
      edits: [],
      seen: [],
      cursor: 0,
      disconnects: 0,
    };
    provider.on('connection-close', () => {
      member.disconnects += 1;
    });
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === provider) this.received(member);
    });
    group.push(member);
    return member;
  }

  private async waitSynced(member: Member): Promise<void> {
    if (member.provider.synced) return;
    const timeoutMs = this.options.connectTimeoutMs ?? 15_000;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        member.provider.off('sync', onSync);
        reject(new Error(`client did not sync within ${timeoutMs} ms (${member.provider.url})`));
      }, timeoutMs);
      const onSync = (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        member.provider.off('sync', onSync);
        resolve();
      };
      member.provider.on('sync', onSync);
    });
  }

  /** A remote update reached `receiver`: settle every edit of the others it now has. */
  private received(receiver: Member): void {
    const now = performance.now();
    for (const sender of receiver.group) {
      if (sender === receiver) continue;
      const state = Y.getState(receiver.doc.store, sender.doc.clientID);
      let next = receiver.seen[sender.slot] ?? 0;
      for (; next < sender.edits.length; next++) {
        const edit = sender.edits[next];
        if (!edit || edit.clock > state) break;
        edit.remaining -= 1;
        const inWindow = now >= this.windowStart && now <= this.windowEnd;
        if (inWindow) this.deliveriesInWindow += 1;
        if (edit.remaining === 0) {
          if (edit.measured) this.latencies.push(now - edit.t0);
          if (inWindow) this.deliveredInWindow += 1;
        }
      }
      receiver.seen[sender.slot] = next;
    }
  }

  private edit(member: Member, measured: boolean): void {
    const t0 = performance.now();
    const { text, doc } = member;
    const length = text.length;
    if (member.cursor > length || Math.random() < 0.1) member.cursor = Math.floor(Math.random() * (length + 1));
    const chars = randomChars(1 + Math.floor(Math.random() * 3));
    doc.transact(() => {
      if (member.cursor > 0 && Math.random() < 0.1) {
        text.delete(member.cursor - 1, 1);
        member.cursor -= 1;
      }
      text.insert(member.cursor, chars);
    });
    member.cursor += chars.length;
    const others = member.group.length - 1;
    if (others > 0) member.edits.push({ t0, clock: Y.getState(doc.store, doc.clientID), remaining: others, measured });
    if (this.options.awareness) {
      const pos = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, member.cursor));
      member.awareness.setLocalStateField('cursor', { anchor: pos, head: pos });
    }
  }

  /** Runs the editing workload; every timer stops by itself after `seconds`. */
  async run(options: RunOptions): Promise<RunResult> {
    const members = this.groups.flat();
    for (const m of members) {
      m.disconnects = 0;
      for (const e of m.edits) e.measured = false; // a previous run's edits do not count in this one
    }
    this.latencies = [];
    this.deliveredInWindow = 0;
    this.deliveriesInWindow = 0;
    const loop = new LatenessProbe();

    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const warmupEnd = start + options.warmupSeconds * 1000;
    const end = start + options.seconds * 1000;
    this.windowStart = warmupEnd;
    this.windowEnd = end;
    const interval = 1000 / options.ratePerClient;
    let measuredEdits = 0;
    let offeredInWindow = 0;

    const timers = new Set<NodeJS.Timeout>();
    await new Promise<void>((resolve) => {
      let running = members.length;
      const schedule = (member: Member, delay: number) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          const now = performance.now();
          if (now >= end) {
            running -= 1;
            if (running === 0) resolve();
            return;
          }
          const measured = now >= warmupEnd;
          this.edit(member, measured);
          if (measured) {
            measuredEdits += member.group.length > 1 ? 1 : 0;
            offeredInWindow += 1;
          }
          // Jitter ±50% around the mean interval: steady on average, never in lockstep.
          schedule(member, interval * (0.5 + Math.random()));
        }, delay);
        timers.add(timer);
      };
      for (const member of members) schedule(member, Math.random() * interval);
      if (members.length === 0) resolve();
      setTimeout(() => options.onWindowStart?.(), Math.max(0, warmupEnd - performance.now()));
    });
    options.onWindowEnd?.();
    const cpu = process.cpuUsage(cpuStart);
    const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - start);
    for (const t of timers) clearTimeout(t);

    // Drain: wait for the last edits to arrive everywhere, bounded.
    const drainDeadline = performance.now() + options.drainSeconds * 1000;
    const pending = () => members.reduce((n, m) => n + m.edits.filter((e) => e.remaining > 0).length, 0);
    const clientLoop = loop.take();
    loop.stop();
    while (pending() > 0 && performance.now() < drainDeadline) await sleep(20);

    const windowSeconds = (end - warmupEnd) / 1000;
    const converged = this.groups.every((g) => g.every((m) => m.text.toString() === g[0]?.text.toString()));
    const undelivered = members.reduce((n, m) => n + m.edits.filter((e) => e.measured && e.remaining > 0).length, 0);
    return {
      latencies: this.latencies,
      offeredPerSec: offeredInWindow / windowSeconds,
      deliveredPerSec: this.deliveredInWindow / windowSeconds,
      deliveriesPerSec: this.deliveriesInWindow / windowSeconds,
      windowSeconds,
      undelivered,
      measuredEdits,
      converged,
      disconnects: members.reduce((n, m) => n + m.disconnects, 0),
      clientLoop,
      clientCpuShare: cpuShare,
    };
  }

  /** Closes every client. */
  destroy(): void {
    for (const m of this.groups.flat()) {
      m.provider.destroy();
      m.awareness.destroy();
      m.doc.destroy();
    }
    this.groups.length = 0;
    process.setMaxListeners(Math.max(10, process.getMaxListeners() - this.listenerAllowance));
    this.listenerAllowance = 0;
  }
}
