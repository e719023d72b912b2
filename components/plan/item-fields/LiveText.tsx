'use client';
/**
 * Text that people write together (a Y.Text): an editable field for those who may change it, and plain text for
 * everyone else — easier to read on a phone than a greyed-out box, and it still changes live as others type.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { YTextField } from '@/components/live/YTextField';
import styles from './fields.module.css';

export interface LiveTextProps {
  text: Y.Text;
  label: string;
  hideLabel?: boolean;
  multiline?: boolean;
  editable: boolean;
  maxLength?: number;
  testId?: string;
  /** Shown in read-only mode when the text is empty. */
  empty?: string;
}

/** The current string of a Y.Text, re-rendering when it changes. */
export function useYTextValue(text: Y.Text): string {
  const [value, setValue] = useState(() => text.toString());
  useEffect(() => {
    const update = () => setValue(text.toString());
    text.observe(update);
    update();
    return () => text.unobserve(update);
  }, [text]);
  return value;
}

export function LiveText({ text, label, hideLabel, multiline, editable, maxLength, testId, empty = '—' }: LiveTextProps) {
  if (editable) {
    return (
      <div className={styles.autogrow}>
        <YTextField text={text} label={label} hideLabel={hideLabel} multiline={multiline} editable maxLength={maxLength} testId={testId} />
      </div>
    );
  }
  return <ReadOnlyText text={text} label={label} hideLabel={hideLabel} testId={testId} empty={empty} />;
}

function ReadOnlyText({ text, label, hideLabel, testId, empty }: { text: Y.Text; label: string; hideLabel?: boolean; testId?: string; empty: string }) {
  const value = useYTextValue(text);
  return (
    <div className={styles.field}>
      <span className={hideLabel ? 'visually-hidden' : styles.label}>{label}</span>
      <p className={styles.readValue} data-testid={testId} data-readonly="true">
        {value || <span className={styles.empty}>{empty}</span>}
      </p>
    </div>
  );
}
