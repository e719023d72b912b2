'use client';
/**
 * Busy, error and retry for one kind of call (a form's submit, a button's action), so no component keeps its own
 * copy. `submit(...)` runs the call once at a time; a refusal's Dutch message lands in `error`; `retry()` repeats
 * the last call with the same arguments.
 */
import { useCallback, useRef, useState } from 'react';
import type { ApiError, ApiResult } from './client';

export interface Submit<A extends unknown[], T> {
  submit: (...args: A) => Promise<ApiResult<T>>;
  retry: () => Promise<ApiResult<T> | null>;
  busy: boolean;
  error: ApiError | null;
  clearError: () => void;
}

export function useSubmit<A extends unknown[], T>(call: (...args: A) => Promise<ApiResult<T>>, onDone?: (data: T) => void): Submit<A, T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const last = useRef<A | null>(null);
  const running = useRef(false);

  const submit = useCallback(
    async (...args: A) => {
      if (running.current) return { ok: false, status: 0, error: { code: 'busy', message: 'Even geduld, dit wordt al verstuurd.' } } as ApiResult<T>;
      running.current = true;
      last.current = args;
      setBusy(true);
      setError(null);
      try {
        const result = await call(...args);
        if (result.ok) onDone?.(result.data);
        else setError(result.error);
        return result;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [call, onDone],
  );

  const retry = useCallback(async () => (last.current ? submit(...last.current) : null), [submit]);
  const clearError = useCallback(() => setError(null), []);
  return { submit, retry, busy, error, clearError };
}
