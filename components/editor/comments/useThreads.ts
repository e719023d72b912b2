'use client';
/** Loads a section's open comment threads and reloads them whenever the server says they changed. */
import type { WebsocketProvider } from 'y-websocket';
import { useServerData } from '@/components/live/useServerData';
import type { CommentThread, ThreadsResponse } from '@/lib/api/comments';

export type Thread = CommentThread;

const TOPICS = ['comments'] as const;

export function useThreads(url: string, provider: WebsocketProvider | null) {
  const { data, failed, reload } = useServerData<ThreadsResponse>(url, provider, TOPICS);
  return { threads: data?.threads ?? [], failed, reload };
}
