'use client';
/** The household (from SQL) and the signed-in member's role, for the gezin and netwerk sections. */
import { useEffect, useState } from 'react';
import type { AuthorSide } from '@/lib/shapes/family';
import type { PlanRole } from '@/lib/roles';

export interface Household {
  householdName: string;
  people: { id: string; name: string; relation: 'ouder' | 'kind' | 'overig'; birthDate: string | null; gezag: boolean }[];
  viewer: { role: PlanRole; side: AuthorSide };
}

/** Loads once per plan; `failed` when the server could not be reached (the section still works without it). */
export function useHousehold(planId: string): { household: Household | null; failed: boolean } {
  const [state, setState] = useState<{ household: Household | null; failed: boolean }>({ household: null, failed: false });
  useEffect(() => {
    let live = true;
    fetch(`/api/plans/${planId}/household`, { cache: 'no-store' })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const household = (await res.json()) as Household;
        if (live) setState({ household, failed: false });
      })
      .catch(() => {
        if (live) setState({ household: null, failed: true });
      });
    return () => {
      live = false;
    };
  }, [planId]);
  return state;
}
