'use client';
/**
 * The plan's goal ratings from the server: loaded once, reloaded whenever the server says something about the
 * doelen doc changed (someone rated) and after a reconnect (a notify may have been missed while offline).
 */
import { useCallback } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { postJson, type ApiResult } from '@/components/api/client';
import { useServerData } from '@/components/live/useServerData';
import type { RatingCreated, RatingsResponse } from '@/lib/api/ratings';
import type { RatingInput } from '@/lib/rating-input';

/** Outcome of adding a rating: the stored rating, or the refusal in the server's words (or offline). */
export type AddResult = ApiResult<RatingCreated>;

const TOPICS = ['ratings'] as const;

export function useRatings(planId: string, provider: WebsocketProvider | null) {
  const url = `/api/plans/${planId}/ratings`;
  const { data, failed, reload } = useServerData<RatingsResponse>(url, provider, TOPICS);
  const ratings = data?.ratings ?? [];

  const add = useCallback(
    async (input: RatingInput): Promise<AddResult> => {
      const result = await postJson<RatingCreated>(url, input);
      if (result.ok) await reload();
      return result;
    },
    [url, reload],
  );

  return { ratings, failed, reload, add };
}
