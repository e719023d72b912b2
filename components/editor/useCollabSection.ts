'use client';
/**
 * Opens one section's live document over the y-websocket protocol and reports a connection state a person
 * can understand. Stops reconnecting when the server says "not signed in" (4401) or "no longer allowed" (4403).
 */
import { useEffect, useMemo, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'signedOut' | 'denied' | 'tooLarge';

export interface CollabSection {
  doc: Y.Doc;
  provider: WebsocketProvider | null;
  state: ConnectionState;
  synced: boolean;
}

const STOP_CODES: Record<number, ConnectionState> = { 4401: 'signedOut', 4403: 'denied', 4413: 'tooLarge' };

/** Joins `docName` for as long as the component is mounted. */
export function useCollabSection(docName: string): CollabSection {
  const doc = useMemo(() => new Y.Doc(), [docName]); // eslint-disable-line react-hooks/exhaustive-deps
  const [provider, setProvider] = useState<WebsocketProvider | null>(null);
  const [state, setState] = useState<ConnectionState>('connecting');
  const [synced, setSynced] = useState(false);

  useEffect(() => {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const p = new WebsocketProvider(`${scheme}://${window.location.host}/collab`, docName, doc, {
      // Shared family computers: never leak a document to another tab through BroadcastChannel.
      disableBc: true,
      // Jitter spreads reconnects after a server restart so not every client arrives in the same instant.
      maxBackoffTime: 2500 + Math.floor(Math.random() * 2500),
    });
    let stopped: ConnectionState | null = null;
    let everConnected = false;
    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      if (stopped) return;
      if (status === 'connected') everConnected = true;
      if (!navigator.onLine) setState('offline');
      else if (status === 'connected') setState('connected');
      else setState(everConnected ? 'reconnecting' : 'connecting');
    };
    const onClose = (event: CloseEvent | null) => {
      const stop = event ? STOP_CODES[event.code] : undefined;
      if (stop) {
        stopped = stop;
        p.disconnect(); // no reconnect loop for a refusal that will not change by retrying
        setState(stop);
      }
    };
    const onSync = (isSynced: boolean) => setSynced(isSynced);
    const onOffline = () => !stopped && setState('offline');
    const onOnline = () => !stopped && setState(p.wsconnected ? 'connected' : 'reconnecting');
    p.on('status', onStatus);
    p.on('connection-close', onClose);
    p.on('sync', onSync);
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    // The provider is an external system created here; components below need it as state to re-render.
    setProvider(p); // eslint-disable-line react-hooks/set-state-in-effect
    return () => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      p.off('status', onStatus);
      p.off('connection-close', onClose);
      p.off('sync', onSync);
      p.destroy();
      setProvider(null);
    };
  }, [doc, docName]);

  useEffect(() => () => doc.destroy(), [doc]);

  return { doc, provider, state, synced };
}
