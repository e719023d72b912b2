'use client';
/** The household (from SQL) and the signed-in member's role, for the gezin and netwerk sections. */
import { useEffect, useState } from 'react';
import { api } from '@/components/api/client';
import type { HouseholdResponse } from '@/lib/api/household';

/** Loads once per plan; `failed` when the server could not be reached (the section still works without it). */
export function useHousehold(planId: string): { household: HouseholdResponse | null; failed: boolean } {
  const [state, setState] = useState<{ household: HouseholdResponse | null; failed: boolean }>({ household: null, failed: false });
  useEffect(() => {
    let live = true;
    void api<HouseholdResponse>(`/api/plans/${planId}/household`).then((result) => {
      if (live) setState(result.ok ? { household: result.data, failed: false } : { household: null, failed: true });
    });
    return () => {
      live = false;
    };
  }, [planId]);
  return state;
}
