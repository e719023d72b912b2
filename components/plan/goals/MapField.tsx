'use client';
/**
 * Inputs bound to one plain value of a Y.Map (a name, a status, a date): each change is written at once, and
 * someone else's change shows up while nobody here is typing in it. Plain values are last-choice-wins, which is
 * what a pick or a short name means; text people write together is a Y.Text (components/live/YTextField).
 */
import { Select, Textbox } from '@utrecht/component-library-react';
import { useEffect, useId, useState } from 'react';
import type * as Y from 'yjs';
import { useYMapValue } from '@/components/live/useY';
import { Field, Options } from '@/components/ui/Field';
import styles from './goals.module.css';

interface BaseProps {
  map: Y.Map<unknown>;
  field: string;
  label: string;
  editable: boolean;
  onSet: (value: string) => void;
  testId?: string;
}

const asString = (v: unknown) => (typeof v === 'string' ? v : '');

/** A short text (a name) bound to a map key. */
export function MapTextInput({
  map,
  field,
  label,
  editable,
  onSet,
  testId,
  placeholder,
  maxLength = 120,
}: BaseProps & { placeholder?: string; maxLength?: number }) {
  const id = useId();
  const stored = asString(useYMapValue<unknown>(map, field));
  const [value, setValue] = useState(stored);
  const [focused, setFocused] = useState(false);
  // Someone else's change arrives; while this person types, their own text wins on screen (and in the doc).
  useEffect(() => {
    if (!focused) setValue(stored); // eslint-disable-line react-hooks/set-state-in-effect -- mirror of a shared value
  }, [stored, focused]);
  return (
    <Field className={styles.field} labelClassName={styles.label} htmlFor={id} label={label}>
      <Textbox
        id={id}
        value={value}
        readOnly={!editable}
        placeholder={editable ? placeholder : undefined}
        maxLength={maxLength}
        autoComplete="off"
        data-testid={testId}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onChange={(e) => {
          setValue(e.target.value);
          onSet(e.target.value);
        }}
      />
    </Field>
  );
}

/** A date (YYYY-MM-DD or empty) bound to a map key. */
export function MapDateInput({ map, field, label, editable, onSet, testId, invalid }: BaseProps & { invalid?: boolean }) {
  const id = useId();
  const value = asString(useYMapValue<unknown>(map, field));
  return (
    <Field className={styles.field} labelClassName={styles.label} htmlFor={id} label={label}>
      <Textbox
        id={id}
        type="date"
        value={value}
        readOnly={!editable}
        data-testid={testId}
        data-attention={invalid ? 'true' : undefined}
        className={styles.dateInput}
        onChange={(e) => {
          const next = e.target.value;
          if (next === '' || /^\d{4}-\d{2}-\d{2}$/.test(next)) onSet(next);
        }}
      />
    </Field>
  );
}

/** A choice from fixed options bound to a map key. */
export function MapSelect({ map, field, label, editable, onSet, testId, options }: BaseProps & { options: { value: string; label: string }[] }) {
  const id = useId();
  const value = asString(useYMapValue<unknown>(map, field));
  return (
    <Field className={styles.field} labelClassName={styles.label} htmlFor={id} label={label}>
      <Select id={id} value={value} disabled={!editable} data-testid={testId} onChange={(e) => onSet(e.target.value)}>
        <Options options={options} />
      </Select>
    </Field>
  );
}
