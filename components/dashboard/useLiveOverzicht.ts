'use client';
/**
 * Keeps the overzicht current without a reload: it refetches `GET /api/overzicht` when the page regains focus (or
 * becomes visible again) and once a minute while it is visible — never more often than that on its own. A failed
 * refresh keeps what is shown and says so.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '@/components/api/client';
import type { OverzichtResponse } from '@/lib/api/overzicht';

const EVERY_MS = 60_000;
/** Focus bursts (alt-tab back and forth) do not refetch more than this often. */
const FOCUS_PAUSE_MS = 15_000;

export function useLiveOverzicht(initial: OverzichtResponse) {
  const [data, setData] = useState(initial);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const last = useRef(0);
  const running = useRef(false);

  const refresh = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    last.current = Date.now();
    setBusy(true);
    const result = await api<OverzichtResponse>('/api/overzicht');
    running.current = false;
    setBusy(false);
    if (result.ok) {
      setData(result.data);
      setFailed(false);
    } else setFailed(true);
  }, []);

  useEffect(() => {
    last.current = Date.now();
    const onFocus = () => {
      if (Date.now() - last.current >= FOCUS_PAUSE_MS) void refresh();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') onFocus();
    };
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && Date.now() - last.current >= EVERY_MS - 1000) void refresh();
    }, EVERY_MS);
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  return { data, failed, busy, refresh };
}
