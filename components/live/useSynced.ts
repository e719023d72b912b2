'use client';
/** Whether the provider has synced with the server (its stored state is in the local doc). */
import { useCallback, useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';

/**
 * True once the doc holds the server's state. Code that creates missing entries must wait for this: before the
 * first sync the doc is empty, and an entry created then would overwrite the stored one (a Y.Map key is
 * last-writer-wins).
 */
export function useSynced(provider: WebsocketProvider | null | undefined): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!provider) return () => undefined;
      provider.on('sync', onChange);
      return () => provider.off('sync', onChange);
    },
    [provider],
  );
  return useSyncExternalStore(
    subscribe,
    () => provider?.synced === true,
    () => false,
  );
}
