import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { useNavigation } from 'react-router';
import { useT } from '../lib/i18n.ts';

/** Props of a labelled form field. */
export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  help?: string;
  error?: string;
  /** Render a textarea instead of an input. */
  multiline?: boolean;
  children?: ReactNode;
}

/**
 * A labelled input with its help text and its error, wired for screen readers (aria-describedby,
 * aria-invalid). Works without JavaScript.
 */
export function Field({ label, name, help, error, multiline, children, ...input }: FieldProps) {
  const id = useId();
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  const t = useT();
  const common = {
    id,
    name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {!input.required && input.type !== 'checkbox' && !children ? (
          <span className="field__optional"> ({t('form.optional')})</span>
        ) : null}
      </label>
      {children ? (
        <select {...common} defaultValue={input.defaultValue} required={input.required}>
          {children}
        </select>
      ) : multiline ? (
        <textarea {...common} defaultValue={input.defaultValue} maxLength={input.maxLength} rows={4} />
      ) : (
        <input {...common} {...input} />
      )}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {help ? (
        <p className="field__help" id={helpId}>
          {help}
        </p>
      ) : null}
    </div>
  );
}

/** A form-level message: an error (role=alert) or a confirmation (role=status). */
export function FormMessage({ error, success }: { error?: string | null; success?: string | null }) {
  if (error) {
    return (
      <div className="notice notice--error" role="alert">
        {error}
      </div>
    );
  }
  if (success) {
    return (
      <div className="notice notice--success" role="status">
        {success}
      </div>
    );
  }
  return null;
}

/** A submit button that says it is working while its form is being submitted. */
export function SubmitButton({
  children,
  name,
  value,
}: {
  children: ReactNode;
  name?: string;
  value?: string;
}) {
  const navigation = useNavigation();
  const t = useT();
  const busy = navigation.state === 'submitting';
  return (
    <button type="submit" className="button" name={name} value={value} disabled={busy} aria-busy={busy}>
      {busy ? t('form.saving') : children}
    </button>
  );
}
