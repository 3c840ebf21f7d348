import { data, Form, useActionData } from 'react-router';
import type { WebContext } from '../../../server/web/web-context.ts';
import { type ActionErrors, attempt, text } from '../../lib/errors.ts';
import { useT } from '../../lib/i18n.ts';
import { Field, FormMessage, SubmitButton } from '../form.tsx';

const REASONS = ['spam', 'offensive', 'off_topic', 'other'] as const;

/**
 * The `flag` intent of a page's action: reports a post to the moderators with the reason and note of the
 * form. Results and refusals carry `tool` (intent and post id), like the post tools' results, so only
 * that post's form shows them.
 */
export async function flagAction(web: WebContext, community: string, form: FormData) {
  const targetId = text(form, 'targetId');
  const tool = { intent: 'flag', id: targetId } as const;
  const note = text(form, 'note');
  const result = await attempt(web.locale, async () => {
    await web.api.flagContent(community, {
      targetType: text(form, 'targetType') === 'topic' ? 'topic' : 'reply',
      targetId,
      reason: text(form, 'reason'),
      ...(note.trim() ? { note } : {}),
    });
    return { tool, flagged: true };
  });
  if ('flagged' in result) return result;
  return data({ ...result.data, tool }, { status: result.init?.status ?? 422 });
}

/** What the `flag` intent answers, as this form reads it. */
type FlagResult = Partial<ActionErrors> & { tool?: { intent?: string; id?: string }; flagged?: boolean };

/**
 * A "Report" disclosure on a post: a reason, an optional note and a submit button, posted to the page's
 * action with `intent=flag`. Works without JavaScript (`<details>` and a plain form).
 */
export function FlagForm({ targetType, targetId }: { targetType: 'topic' | 'reply'; targetId: string }) {
  const t = useT();
  const result = useActionData<FlagResult>();
  const mine = result?.tool?.intent === 'flag' && result.tool.id === targetId ? result : null;
  if (mine?.flagged) return <FormMessage success={t('moderation.flag.sent')} />;
  return (
    <details className="post-tool" open={!!mine}>
      <summary className="button button--small button--secondary">{t('moderation.flag')}</summary>
      <Form method="post" noValidate className="post-tool__panel" aria-label={t('moderation.flag.title')}>
        <FormMessage error={mine?.formError} />
        <input type="hidden" name="intent" value="flag" />
        <input type="hidden" name="targetType" value={targetType} />
        <input type="hidden" name="targetId" value={targetId} />
        <Field
          label={t('moderation.flag.reason')}
          name="reason"
          required
          defaultValue="spam"
          error={mine?.fieldErrors?.reason}
        >
          {REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {t(`moderation.reason.${reason}`)}
            </option>
          ))}
        </Field>
        <Field
          label={t('moderation.flag.note')}
          name="note"
          multiline
          maxLength={500}
          help={t('moderation.flag.noteHelp')}
          error={mine?.fieldErrors?.note}
        />
        <SubmitButton>{t('moderation.flag.submit')}</SubmitButton>
      </Form>
    </details>
  );
}
