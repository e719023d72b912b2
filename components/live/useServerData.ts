'use client';
/**
 * Server data that belongs to a live doc but lives in SQL (comment threads, ratings): loaded once, reloaded when
 * the realtime server notifies one of `topics` for this doc, and after every reconnect (a notify may have been
 * missed while offline).
 */
import { useCallback, useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { api } from '@/components/api/client';
import { onNotify } from './notify';

export interface ServerData<T> {
  data: T | null;
  failed: boolean;
  reload: () => Promise<void>;
}

export function useServerData<T>(url: string, provider: WebsocketProvider | null, topics: readonly string[]): ServerData<T> {
  const [data, setData] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const topicKey = topics.join('|');

  const reload = useCallback(async () => {
    const result = await api<T>(url);
    if (result.ok) setData(result.data);
    setFailed(!result.ok);
  }, [url]);

  useEffect(() => {
    void reload(); // eslint-disable-line react-hooks/set-state-in-effect -- first load of server data
  }, [reload]);

  useEffect(() => {
    if (!provider) return;
    const wanted = new Set(topicKey.split('|'));
    // An empty topic comes from a server that names none: every listener refreshes.
    const unregister = onNotify(provider, (topic) => {
      if (topic === '' || wanted.has(topic)) void reload();
    });
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') void reload();
    };
    provider.on('status', onStatus);
    return () => {
      unregister();
      provider.off('status', onStatus);
    };
  }, [provider, reload, topicKey]);

  return { data, failed, reload };
}
