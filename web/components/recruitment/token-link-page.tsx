import { Form, useActionData } from 'react-router';
import type { ActionErrors } from '../../lib/errors.ts';
import { useT } from '../../lib/i18n.ts';
import { FormMessage, SubmitButton } from '../form.tsx';

/**
 * The page behind a link sent by email (confirm the email, take a seat): one button, so that link
 * scanners that open the page do not use the link up; a refusal (used or expired) shows in place.
 */
export function TokenLinkPage({
  titleKey,
  leadKey,
  submitKey,
}: {
  titleKey: string;
  leadKey: string;
  submitKey: string;
}) {
  const t = useT();
  const result = useActionData<ActionErrors | undefined>();
  return (
    <section className="narrow">
      <h1>{t(titleKey)}</h1>
      <p>{t(leadKey)}</p>
      <FormMessage error={result?.formError} />
      <Form method="post">
        <SubmitButton>{t(submitKey)}</SubmitButton>
      </Form>
    </section>
  );
}
