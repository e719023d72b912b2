'use client';
/** A date (YYYY-MM-DD) held as one key of a Y.Map: the last person to pick a date wins, as a date input means. */
import { useId } from 'react';
import type * as Y from 'yjs';
import { useYMapValue } from '@/components/live/useY';
import { Field } from '@/components/ui/Field';
import styles from './evaluation.module.css';

export function DateField({ map, field, label, editable, testId }: { map: Y.Map<unknown>; field: string; label: string; editable: boolean; testId?: string }) {
  const id = useId();
  const value = useYMapValue<unknown>(map, field);
  return (
    <Field className={styles.dateField} labelClassName={styles.label} htmlFor={id} label={label}>
      <input
        id={id}
        type="date"
        className={styles.input}
        value={typeof value === 'string' ? value : ''}
        readOnly={!editable}
        data-testid={testId}
        onChange={(e) => {
          if (editable && (e.target.value === '' || /^\d{4}-\d{2}-\d{2}$/.test(e.target.value))) map.set(field, e.target.value);
        }}
      />
    </Field>
  );
}
