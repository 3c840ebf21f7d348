import type { ReactNode } from 'react';

/** A small secondary submit button for one intent of a form, named for screen readers by `label`. */
export function IntentButton({
  intent,
  label,
  children,
}: {
  intent: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      className="button button--small button--secondary"
      aria-label={label}
    >
      {children}
    </button>
  );
}
