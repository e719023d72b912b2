'use client';
/**
 * Controls bound to one key of a Y.Map item (single values: who, when, a kind, a date). A change is written to
 * the shared doc at once and arrives live for everyone; the last writer of a single value wins, which is why
 * text that people write together is a Y.Text (YTextField) instead.
 */
import { useFormatter } from 'next-intl';
import { type ReactNode, useId } from 'react';
import type * as Y from 'yjs';
import { useYMapValue } from '@/components/live/useY';
import { Field } from '@/components/ui/Field';
import styles from './fields.module.css';

interface Common {
  map: Y.Map<unknown>;
  field: string;
  label: string;
  editable: boolean;
  hideLabel?: boolean;
  testId?: string;
}

/** Read-only: the label and the value as text (readable on a phone, no greyed-out box). */
function ReadOnlyValue({ label, hideLabel, testId, children }: { label: string; hideLabel?: boolean; testId?: string; children: ReactNode }) {
  return (
    <div className={styles.field}>
      <span className={hideLabel ? 'visually-hidden' : styles.label}>{label}</span>
      <p className={styles.readValue} data-testid={testId} data-readonly="true">
        {children}
      </p>
    </div>
  );
}

/** A one-line text input for a string value. */
export function MapStringField({ map, field, label, editable, hideLabel, testId, maxLength = 200 }: Common & { maxLength?: number }) {
  const id = useId();
  const value = useYMapValue<unknown>(map, field);
  if (!editable) {
    return (
      <ReadOnlyValue label={label} hideLabel={hideLabel} testId={testId}>
        {typeof value === 'string' && value ? value : '—'}
      </ReadOnlyValue>
    );
  }
  return (
    <Field className={styles.field} labelClassName={hideLabel ? 'visually-hidden' : styles.label} htmlFor={id} label={label}>
      <input
        id={id}
        type="text"
        className={styles.input}
        value={typeof value === 'string' ? value : ''}
        maxLength={maxLength}
        data-testid={testId}
        onChange={(e) => map.set(field, e.target.value.slice(0, maxLength))}
      />
    </Field>
  );
}

/** A choice among fixed options; the option's own value (string or number) is what is stored. */
export function MapSelectField<T extends string | number>({
  map,
  field,
  label,
  editable,
  hideLabel,
  testId,
  options,
}: Common & { options: readonly { value: T; label: string }[] }) {
  const id = useId();
  const value = useYMapValue<unknown>(map, field);
  const current = options.find((o) => o.value === value);
  if (!editable) {
    return (
      <ReadOnlyValue label={label} hideLabel={hideLabel} testId={testId}>
        {current?.label ?? '—'}
      </ReadOnlyValue>
    );
  }
  return (
    <Field className={styles.field} labelClassName={hideLabel ? 'visually-hidden' : styles.label} htmlFor={id} label={label}>
      <select
        id={id}
        className={styles.input}
        value={current ? String(current.value) : ''}
        data-testid={testId}
        onChange={(e) => {
          const chosen = options.find((o) => String(o.value) === e.target.value);
          if (chosen) map.set(field, chosen.value);
        }}
      >
        {!current && <option value="">—</option>}
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A calendar date (YYYY-MM-DD, or empty). */
export function MapDateField({ map, field, label, editable, hideLabel, testId }: Common) {
  const id = useId();
  const format = useFormatter();
  const value = useYMapValue<unknown>(map, field);
  if (!editable) {
    const valid = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    return (
      <ReadOnlyValue label={label} hideLabel={hideLabel} testId={testId}>
        {valid ? format.dateTime(new Date(`${value}T12:00:00`), { day: 'numeric', month: 'long', year: 'numeric' }) : '—'}
      </ReadOnlyValue>
    );
  }
  return (
    <Field className={styles.field} labelClassName={hideLabel ? 'visually-hidden' : styles.label} htmlFor={id} label={label}>
      <input
        id={id}
        type="date"
        className={styles.input}
        value={typeof value === 'string' ? value : ''}
        data-testid={testId}
        onChange={(e) => {
          const v = e.target.value;
          if (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v)) map.set(field, v);
        }}
      />
    </Field>
  );
}
