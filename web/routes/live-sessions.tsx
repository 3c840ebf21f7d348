import { Form, Link, useActionData } from 'react-router';
import { redirect } from 'react-router';
import { LocalTime } from '../components/bits.tsx';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { LocalDateTimeField, toUtcIso } from '../components/live/local-datetime.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/live-sessions.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, () => web.api.listLiveSessions(params.slug));
}

export const meta = titled('live.list.title');

/** Creates a session (staff) and opens its page. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const result = await attempt(web.locale, async () => {
    const capacity = text(form, 'capacity');
    const created = await web.api.createLiveSession(params.slug, {
      title: text(form, 'title'),
      objectives: text(form, 'objectives'),
      startsAt: toUtcIso(text(form, 'startsAt'), text(form, 'offset')),
      durationMinutes: Number(text(form, 'durationMinutes')),
      ...(capacity ? { capacity: Number(capacity) } : {}),
    });
    return { id: created.id };
  });
  if ('id' in result) return redirect(`/c/${params.slug}/live/${result.id}`);
  return result;
}

/** The live sessions a viewer runs, observes or is invited to; staff create new ones here. */
export default function LiveSessionsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const errors = result && 'fieldErrors' in result ? result : null;
  return (
    <section className="live-list">
      <h1>{t('live.list.title')}</h1>
      {loaderData.items.length === 0 ? (
        <p className="empty">{t('live.list.empty')}</p>
      ) : (
        <ul className="live-list__items">
          {loaderData.items.map((s) => (
            <li key={s.id}>
              <Link to={`/c/${community.slug}/live/${s.id}`}>{s.title}</Link>{' '}
              <span className="meta">
                <LocalTime iso={s.startsAt} withTime /> · {t(`live.status.${s.status}`)}
                {s.invitation ? ` · ${t(`live.invitation.${s.invitation}`)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {community.abilities.manageSessions ? (
        <Form method="post" className="stack">
          <h2>{t('live.create.title')}</h2>
          <FormMessage error={errors?.formError} />
          <Field
            label={t('live.field.title')}
            name="title"
            required
            maxLength={200}
            error={errors?.fieldErrors.title}
          />
          <Field
            label={t('live.field.objectives')}
            name="objectives"
            multiline
            maxLength={5000}
            error={errors?.fieldErrors.objectives}
          />
          <LocalDateTimeField
            label={t('live.field.startsAt')}
            help={t('live.field.startsAtHelp')}
            helpUtc={t('live.field.startsAtUtc')}
            error={errors?.fieldErrors.startsAt}
          />
          <Field
            label={t('live.field.duration')}
            name="durationMinutes"
            type="number"
            min={10}
            max={480}
            defaultValue="90"
            required
            error={errors?.fieldErrors.durationMinutes}
          />
          <Field
            label={t('live.field.capacity')}
            name="capacity"
            type="number"
            min={2}
            max={200}
            defaultValue="12"
            help={t('live.field.capacityHelp')}
            error={errors?.fieldErrors.capacity}
          />
          <SubmitButton>{t('live.create.submit')}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
