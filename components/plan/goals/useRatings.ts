'use client';
/**
 * The plan's goal ratings from the server: loaded once, reloaded whenever the server says something about the
 * doelen doc changed (someone rated) and after a reconnect (a notify may have been missed while offline).
 */
import { useCallback } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { useServerData } from '@/components/live/useServerData';
import type { RatingInput } from '@/lib/rating-input';

export interface Rating {
  id: string;
  kind: 'voortgang' | 'gas' | 'zelfredzaamheid' | 'veiligheid';
  goalId: string | null;
  domain: string | null;
  value: number;
  raterId: string;
  raterName: string | null;
  raterRole: string;
  note: string | null;
  createdAt: string;
}

/** Outcome of adding a rating: null when stored, else the server's message or 'offline'. */
export type AddResult = null | { error: string } | 'offline';

const TOPICS = ['ratings'] as const;

export function useRatings(planId: string, provider: WebsocketProvider | null) {
  const url = `/api/plans/${planId}/ratings`;
  const { data, failed, reload } = useServerData<{ ratings: Rating[] }>(url, provider, TOPICS);
  const ratings = data?.ratings ?? [];

  const add = useCallback(
    async (input: RatingInput): Promise<AddResult> => {
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
        if (!res.ok) {
          const data = (await res.json().catch(() => ({}))) as { error?: string; issues?: { message: string }[] };
          return { error: data.issues?.[0]?.message ?? data.error ?? `HTTP ${res.status}` };
        }
        await reload();
        return null;
      } catch {
        return 'offline';
      }
    },
    [url, reload],
  );

  return { ratings, failed, reload, add };
}
