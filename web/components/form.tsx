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

/** The new-password pair of a form (sign-up, reset): the password with its rule, and its confirmation. */
export function NewPasswordFields({ errors }: { errors?: Record<string, string> }) {
  const t = useT();
  return (
    <>
      <Field
        label={t('auth.field.password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        help={t('auth.field.passwordHelp')}
        error={errors?.password}
      />
      <Field
        label={t('auth.field.passwordConfirm')}
        name="passwordConfirm"
        type="password"
        autoComplete="new-password"
        required
        error={errors?.passwordConfirm}
      />
    </>
  );
}

/**
 * Checks a new password and its confirmation (the rules better-auth enforces: 10 to 128 characters), and
 * returns the field errors as message keys with their parameters.
 */
export function checkNewPassword(
  password: string,
  confirm: string,
): Record<string, [string, Record<string, number>?]> {
  const errors: Record<string, [string, Record<string, number>?]> = {};
  if (password.length < 10) errors.password = ['validation.tooShort', { limit: 10 }];
  else if (password.length > 128) errors.password = ['validation.tooLong', { limit: 128 }];
  if (confirm !== password) errors.passwordConfirm = ['validation.passwordMismatch'];
  return errors;
}
