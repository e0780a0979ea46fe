import { useId, type ReactNode } from 'react';
import type { ApiRequestError } from '../../staff/staff-api.ts';
import { AdminProblem } from './StaffStrings.tsx';

/** What a field's control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled field: the label stays visible, the hint and the error are
 * read with the control (aria-describedby), and an error is not shown by
 * colour alone (it is a sentence, and the border thickens).
 */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Always in the form, so what appears in it is read out: the server's
 * problem, or a summary of the field errors (shown beside each field too).
 */
export function FormProblems({
  problem,
  errors,
}: {
  problem: ApiRequestError | undefined;
  errors: readonly (string | undefined)[];
}) {
  const messages = errors.filter((message): message is string => Boolean(message));
  return (
    <div role="alert" className="form-problems">
      {problem && (
        <p className="form-problem">
          <AdminProblem problem={problem} />
        </p>
      )}
      {!problem && messages.length > 0 && (
        <ul className="form-problem">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
