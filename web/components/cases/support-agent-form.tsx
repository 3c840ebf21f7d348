import { Form } from 'react-router';
import { FormMessage, SubmitButton } from '../form.tsx';
import { useT } from '../../lib/i18n.ts';

/**
 * The support-agent ability of a member, for community admins: what it is now and one button to grant or
 * revoke it (a plain form posting `intent=supportAgent`).
 */
export function SupportAgentForm({
  agent,
  error,
}: {
  agent: { supportAgent: boolean };
  error?: string | null;
}) {
  const t = useT();
  return (
    <section aria-labelledby="support-agent" className="staff-box">
      <h2 id="support-agent">{t('case.agent.title')}</h2>
      <FormMessage error={error} />
      <p>{agent.supportAgent ? t('case.agent.isAgent') : t('case.agent.notAgent')}</p>
      <Form method="post">
        <input type="hidden" name="agent" value={agent.supportAgent ? 'false' : 'true'} />
        <SubmitButton name="intent" value="supportAgent">
          {agent.supportAgent ? t('case.agent.revoke') : t('case.agent.grant')}
        </SubmitButton>
      </Form>
    </section>
  );
}
