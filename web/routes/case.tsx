import { Form, Link, useActionData } from 'react-router';
import { LocalTime } from '../components/bits.tsx';
import { CASE_STATUS_VALUES, CaseStatusBadge } from '../components/cases/case-bits.tsx';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { Route } from './+types/case.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, () => web.api.getCase(params.slug, params.caseId));
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `${loaderData.topic.title} · Cercle` : 'Cercle' },
  { name: 'robots', content: 'noindex' },
];

/** Two intents: work the case (status, assignee, internal note) or post the official answer. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const intent = text(form, 'intent');
  return attempt(web.locale, async () => {
    if (intent === 'answer') {
      await web.api.postOfficialAnswer(params.slug, params.caseId, {
        body: text(form, 'body'),
        status: text(form, 'then'),
      });
      return { done: 'answer' as const };
    }
    const note = text(form, 'note');
    await web.api.updateCase(params.slug, params.caseId, {
      status: text(form, 'status'),
      assigneeId: text(form, 'assigneeId') || null,
      ...(note.trim() ? { note } : {}),
    });
    return { done: 'update' as const };
  });
}

/** A case for agents: the question in context, the official answer form, status, assignee, notes, history. */
export default function CasePage({ loaderData: item }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const errors = result && 'fieldErrors' in result ? result : null;
  const done = result && 'done' in result ? result.done : null;
  const people = (id: string | null) =>
    id === null ? t('case.unassigned') : (item.agents.find((a) => a.id === id)?.pseudonym ?? '—');
  return (
    <article className="case">
      <p className="meta">
        <Link to={`/c/${community.slug}/cases`}>{t('case.backToQueue')}</Link>
      </p>
      <h1>
        {t('case.detail.title', { title: item.topic.title })}{' '}
        <CaseStatusBadge status={item.status} label={item.statusLabel} />
      </h1>
      <p className="meta">
        {t(`case.openedBy.${item.openedBy}`)} · <LocalTime iso={item.openedAt} withTime /> ·{' '}
        {item.assignee ? item.assignee.pseudonym : t('case.unassigned')}
      </p>
      <FormMessage
        error={errors?.formError}
        success={done === 'answer' ? t('case.answer.posted') : done === 'update' ? t('case.saved') : null}
      />
      <section aria-labelledby="case-question" className="post">
        <h2 id="case-question">{t('case.detail.question')}</h2>
        <p className="meta">
          {item.topic.author.pseudonym} · <LocalTime iso={item.topic.createdAt} withTime /> ·{' '}
          <Link to={`/c/${community.slug}/t/${item.topic.id}`}>{t('case.detail.viewTopic')}</Link>
        </p>
        <div className="post__body" dangerouslySetInnerHTML={{ __html: item.topicBodyHtml }} />
      </section>
      {item.abilities.answer && item.status !== 'solved' ? (
        <section aria-labelledby="case-answer" className="staff-box">
          <h2 id="case-answer">{t('case.answer.title')}</h2>
          <Form method="post" noValidate>
            <Field
              label={t('case.answer.body')}
              name="body"
              multiline
              required
              maxLength={50000}
              error={errors?.fieldErrors.body}
            />
            <Field label={t('case.answer.then')} name="then" defaultValue="waiting_for_member" required>
              <option value="waiting_for_member">{t('case.status.waiting_for_member')}</option>
              <option value="solved">{t('case.status.solved')}</option>
            </Field>
            <SubmitButton name="intent" value="answer">
              {t('case.answer.submit')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="case-work" className="staff-box">
        <h2 id="case-work">{t('case.update.title')}</h2>
        <Form method="post" noValidate key={`${item.status}-${item.assignee?.id ?? ''}-${item.notes.length}`}>
          <Field label={t('case.field.status')} name="status" defaultValue={item.status} required>
            {CASE_STATUS_VALUES.map((s) => (
              <option key={s} value={s}>
                {t(`case.status.${s}`)}
              </option>
            ))}
          </Field>
          <Field
            label={t('case.field.assignee')}
            name="assigneeId"
            defaultValue={item.assignee?.id ?? ''}
            error={errors?.fieldErrors.assigneeId}
            required
          >
            <option value="">{t('case.unassigned')}</option>
            {item.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.pseudonym}
              </option>
            ))}
          </Field>
          <Field
            label={t('case.field.note')}
            name="note"
            multiline
            maxLength={10000}
            help={t('case.field.noteHelp')}
            error={errors?.fieldErrors.note}
          />
          <SubmitButton name="intent" value="update">
            {t('case.update.submit')}
          </SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="case-notes">
        <h2 id="case-notes">{t('case.notes.title')}</h2>
        {item.notes.length === 0 ? <p className="empty">{t('case.notes.empty')}</p> : null}
        <ul className="case-notes">
          {item.notes.map((n) => (
            <li key={n.id}>
              <p className="meta">
                <strong>{n.author.pseudonym}</strong> · <LocalTime iso={n.createdAt} withTime />
              </p>
              <p className="case-notes__body">{n.body}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="case-history">
        <h2 id="case-history">{t('case.history.title')}</h2>
        <ol className="case-history">
          {item.history.map((h, i) => (
            <li key={i}>
              <LocalTime iso={h.createdAt} withTime /> · {h.actor ? h.actor.pseudonym : t('case.system')} ·{' '}
              {h.kind === 'status_changed'
                ? t('case.history.status_changed', {
                    from: t(`case.status.${h.from ?? ''}`),
                    to: t(`case.status.${h.to ?? ''}`),
                  })
                : h.kind === 'assigned'
                  ? t('case.history.assigned', { from: people(h.from), to: people(h.to) })
                  : t(`case.history.${h.kind}`)}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
