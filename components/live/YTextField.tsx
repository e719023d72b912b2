'use client';
/**
 * A text input (or textarea) bound to a Y.Text: typing applies the smallest change to the shared text, and
 * remote changes arrive without moving the caret of the person typing. Two people typing in the same field
 * both keep their words.
 */
import { useEffect, useId, useRef, useState } from 'react';
import * as Y from 'yjs';
import styles from './live.module.css';

export interface YTextFieldProps {
  text: Y.Text;
  label: string;
  /** Hide the label visually (it stays for screen readers). */
  hideLabel?: boolean;
  multiline?: boolean;
  editable: boolean;
  placeholder?: string;
  maxLength?: number;
  testId?: string;
}

/** Applies the difference between `before` and `after` to `text` (one delete and one insert at most). */
export function applyTextDiff(text: Y.Text, before: string, after: string): void {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  text.doc?.transact(() => {
    if (endBefore > start) text.delete(start, endBefore - start);
    if (endAfter > start) text.insert(start, after.slice(start, endAfter));
  });
}

export function YTextField({ text, label, hideLabel, multiline, editable, placeholder, maxLength = 2000, testId }: YTextFieldProps) {
  const id = useId();
  const [value, setValue] = useState(() => text.toString());
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  useEffect(() => {
    const onChange = (event: Y.YTextEvent, tx: Y.Transaction) => {
      const el = ref.current;
      const next = text.toString();
      if (!el || tx.local || document.activeElement !== el) {
        setValue(next);
        return;
      }
      // A remote change while this person types: keep their caret where their text is.
      let start = el.selectionStart ?? next.length;
      let end = el.selectionEnd ?? next.length;
      let index = 0;
      for (const op of event.delta) {
        if (op.retain) index += op.retain;
        else if (typeof op.insert === 'string') {
          if (index < start) start += op.insert.length;
          if (index < end) end += op.insert.length;
          index += op.insert.length;
        } else if (op.delete) {
          if (index < start) start -= Math.min(op.delete, start - index);
          if (index < end) end -= Math.min(op.delete, end - index);
        }
      }
      setValue(next);
      requestAnimationFrame(() => el.setSelectionRange(start, end));
    };
    text.observe(onChange);
    setValue(text.toString()); // the bound text may have changed
    return () => text.unobserve(onChange);
  }, [text]);

  const onInput = (next: string) => {
    const before = text.toString();
    setValue(next);
    applyTextDiff(text, before, next.slice(0, maxLength));
  };

  const common = {
    id,
    ref,
    value,
    readOnly: !editable,
    placeholder,
    maxLength,
    'data-testid': testId,
    className: `${styles.field} ${multiline ? styles.multiline : ''}`,
    onChange: (e: { target: { value: string } }) => onInput(e.target.value),
  };
  return (
    <div className={styles.fieldWrap}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : styles.label}>
        {label}
      </label>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
    </div>
  );
}
