'use client';
/**
 * The plan's goal ratings from the server: loaded once, reloaded whenever the server says something about the
 * doelen doc changed (someone rated) and after a reconnect (a notify may have been missed while offline).
 */
import { useCallback, useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { onNotify } from '@/components/live/notify';
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

export function useRatings(planId: string, provider: WebsocketProvider | null) {
  const url = `/api/plans/${planId}/ratings`;
  const [ratings, setRatings] = useState<Rating[]>([]);
  const [failed, setFailed] = useState(false);

  const reload = useCallback(async () => {
    try {
      const res = await fetch(url, { cache: 'no-store' });
      if (!res.ok) throw new Error(String(res.status));
      setRatings(((await res.json()) as { ratings: Rating[] }).ratings);
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
    // Any notify: a rating by someone else, or comments (a cheap extra reload, never a wrong picture).
    const unregister = onNotify(provider, () => void reload());
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') void reload();
    };
    provider.on('status', onStatus);
    return () => {
      unregister();
      provider.off('status', onStatus);
    };
  }, [provider, reload]);

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
