/**
 * Small form primitives shared by the plan forms: a labelled field and the list of what to fix. They carry no
 * styling of their own — the form passes its class — so every form keeps its look, ids and label associations.
 */
import { Alert, Paragraph, SelectOption } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

export interface FieldProps {
  /** The id of the control inside; the label points at it. */
  htmlFor: string;
  label: ReactNode;
  className?: string;
  labelClassName?: string;
  children: ReactNode;
}

/** A label and its control, in one block. */
export function Field({ htmlFor, label, className, labelClassName, children }: FieldProps) {
  return (
    <div className={className}>
      <label htmlFor={htmlFor} className={labelClassName}>
        {label}
      </label>
      {children}
    </div>
  );
}

export interface FormErrorsProps {
  id: string;
  intro: ReactNode;
  errors: string[];
  role?: 'alert';
}

/** The error alert at the top of a form: an intro line and one item per message. */
export function FormErrors({ id, intro, errors, role }: FormErrorsProps) {
  return (
    <Alert type="error" id={id} role={role}>
      <Paragraph>{intro}</Paragraph>
      <ul>
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </Alert>
  );
}

export interface Option {
  value: string;
  label: string;
  /** The React key when values may repeat; the value otherwise. */
  key?: string;
}

/** The options of a select, with an empty first choice ("kies …") when `empty` is given. */
export function Options({ options, empty }: { options: Option[]; empty?: string }) {
  return (
    <>
      {empty !== undefined && <SelectOption value="">{empty}</SelectOption>}
      {options.map((o) => (
        <SelectOption key={o.key ?? o.value} value={o.value}>
          {o.label}
        </SelectOption>
      ))}
    </>
  );
}
