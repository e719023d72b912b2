'use client';
/** Loads a section's open comment threads and reloads them whenever the server says they changed. */
import type { WebsocketProvider } from 'y-websocket';
import { useServerData } from '@/components/live/useServerData';

export interface Thread {
  id: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  createdBy: string;
  comments: { id: string; authorId: string; authorName: string | null; authorRole: string; body: string; createdAt: string }[];
}

const TOPICS = ['comments'] as const;

export function useThreads(url: string, provider: WebsocketProvider | null) {
  const { data, failed, reload } = useServerData<{ threads: Thread[] }>(url, provider, TOPICS);
  return { threads: data?.threads ?? [], failed, reload };
}
