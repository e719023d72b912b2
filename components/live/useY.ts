'use client';
/** React bindings for Yjs types: re-render when a type (or anything inside it) changes. */
import { useEffect, useReducer } from 'react';
import type * as Y from 'yjs';

/** Re-renders the component whenever `type` or any nested type changes; returns nothing. */
export function useYDeep(type: Y.AbstractType<unknown> | null | undefined): void {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!type) return;
    const onChange = () => bump();
    type.observeDeep(onChange);
    return () => type.unobserveDeep(onChange);
  }, [type]);
}

/** The current value of one key of a Y.Map, re-rendering when it changes. */
export function useYMapValue<T>(map: Y.Map<unknown> | null | undefined, key: string): T | undefined {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!map) return;
    const onChange = (e: Y.YMapEvent<unknown>) => {
      if (e.keysChanged.has(key)) bump();
    };
    map.observe(onChange);
    return () => map.unobserve(onChange);
  }, [map, key]);
  return map?.get(key) as T | undefined;
}
