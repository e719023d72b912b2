'use client';
/**
 * The server's notify messages ("something about this doc changed outside the doc": its comments, its ratings)
 * for any number of listeners on one provider. y-websocket keeps one handler per message type, so two panels that
 * each set it would silently unplug each other; this module owns that one slot and fans out to every listener.
 */
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';

/** Message type the realtime server uses for notify (see server/realtime/protocol.ts). */
export const MESSAGE_NOTIFY = 100;

export type NotifyListener = (topic: string) => void;

const listeners = new WeakMap<WebsocketProvider, Set<NotifyListener>>();

/** Calls `listener` with the topic of every notify message on this provider; returns the unregister function. */
export function onNotify(provider: WebsocketProvider, listener: NotifyListener): () => void {
  let set = listeners.get(provider);
  if (!set) {
    const created = new Set<NotifyListener>();
    set = created;
    listeners.set(provider, created);
    const handlers = provider.messageHandlers as unknown as ((...args: unknown[]) => void)[];
    handlers[MESSAGE_NOTIFY] = (_encoder: unknown, decoder: unknown) => {
      let topic = '';
      try {
        topic = decoding.readVarString(decoder as decoding.Decoder);
      } catch {
        // An older server sent no topic: every listener refreshes.
      }
      for (const l of [...created]) l(topic);
    };
  }
  const own = set;
  own.add(listener);
  return () => {
    own.delete(listener);
  };
}
