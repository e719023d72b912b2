'use client';
/** Loads a section's open comment threads and reloads them whenever the server says they changed. */
import { useCallback, useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { onNotify } from '@/components/live/notify';

export interface Thread {
  id: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  createdBy: string;
  comments: { id: string; authorId: string; authorName: string | null; authorRole: string; body: string; createdAt: string }[];
}

export function useThreads(url: string, provider: WebsocketProvider | null) {
  const [threads, setThreads] = useState<Thread[]>([]);
  const [failed, setFailed] = useState(false);

  const reload = useCallback(async () => {
    try {
      const res = await fetch(url, { cache: 'no-store' });
      if (!res.ok) throw new Error(String(res.status));
      setThreads(((await res.json()) as { threads: Thread[] }).threads);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [url]);

  useEffect(() => {
    void reload(); // eslint-disable-line react-hooks/set-state-in-effect -- first load of server data
  }, [reload]);

  useEffect(() => {
    if (!provider) return;
    const unregister = onNotify(provider, () => void reload());
    // A reconnect may have missed notifications: reload when the connection is back.
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') void reload();
    };
    provider.on('status', onStatus);
    return () => {
      unregister();
      provider.off('status', onStatus);
    };
  }, [provider, reload]);

  return { threads, failed, reload };
}
