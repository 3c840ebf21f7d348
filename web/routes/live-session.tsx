import { Form, Link, useActionData } from 'react-router';
import { LocalTime } from '../components/bits.tsx';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { GuideEditor } from '../components/live/guide-editor.tsx';
import { GuideTools } from '../components/live/guide-tools.tsx';
import { InvitationsPanel } from '../components/live/invitations-panel.tsx';
import { LocalDateTimeField, toUtcIso } from '../components/live/local-datetime.tsx';
import { appContext } from '../context.ts';
import { guideAction } from '../features/live/guide-actions.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { Route } from './+types/live-session.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, async () => {
    const session = await web.api.getLiveSession(params.slug, params.sessionId);
    const candidates = session.abilities.manage
      ? (await web.api.listMembers(params.slug, { status: 'active', role: 'member', limit: 100 })).items.map(
          (m) => ({
            id: m.id,
            pseudonym: m.pseudonym,
          }),
        )
      : [];
    // Segments are the panel's: only community staff see them (a member named moderator does not).
    const segments = session.abilities.manage
      ? await web.api.listSegments(params.slug).then(
          (list) => list.items.map((g) => ({ id: g.id, name: g.name, size: g.size })),
          (error: unknown) => {
            if ((error as { code?: string }).code === 'forbidden') return [];
            throw error;
          },
        )
      : [];
    // The probe library is the community's research staff's (a member named moderator does not see it).
    const probeSearch = new URL(request.url).searchParams.get('probes') ?? '';
    const probes = session.abilities.manage
      ? await web.api.listLiveProbes(params.slug, probeSearch ? { q: probeSearch } : {}).then(
          (list) => list,
          (error: unknown) => {
            if ((error as { code?: string }).code === 'forbidden') return null;
            throw error;
          },
        )
      : null;
    return { session, candidates, segments, probes, probeSearch };
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `${loaderData.session.title} · Cercle` : 'Cercle' },
  { name: 'robots', content: 'noindex' },
];

/** Intents: answer the invitation; staff change settings, edit the guide, invite members. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const intent = text(form, 'intent');
  return attempt(web.locale, async () => {
    const { slug, sessionId } = params;
    if (intent === 'accepted' || intent === 'declined') {
      await web.api.respondToLiveSessionInvitation(slug, sessionId, { response: intent });
    } else if (intent === 'settings') {
      await web.api.updateLiveSession(slug, sessionId, {
        title: text(form, 'title'),
        objectives: text(form, 'objectives'),
        startsAt: toUtcIso(text(form, 'startsAt'), text(form, 'offset')),
        durationMinutes: Number(text(form, 'durationMinutes')),
        capacity: Number(text(form, 'capacity')),
        lobbyMinutes: Number(text(form, 'lobbyMinutes')),
      });
    } else if (intent === 'invite') {
      const segmentId = text(form, 'segmentId');
      await web.api.inviteToLiveSession(
        slug,
        sessionId,
        segmentId ? { segmentId } : { memberIds: form.getAll('memberIds').map(String) },
      );
    } else if (/^(guide|section|probe)-/.test(intent)) {
      return guideAction(web, slug, sessionId, intent, form);
    }
    return { done: intent };
  });
}

/** A session: invitees answer their invitation; staff edit it, its guide and its invitations. */
export default function LiveSessionPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const { session, candidates } = loaderData;
  const result = useActionData<typeof action>();
  const errors = result && 'fieldErrors' in result ? result : null;
  const base = `/c/${community.slug}/live/${session.id}`;
  const a = session.abilities;
  return (
    <article className="live-session">
      <p className="meta">
        <Link to={`/c/${community.slug}/live`}>{t('live.backToList')}</Link>
      </p>
      <h1>{session.title}</h1>
      <p>
        <LocalTime iso={session.startsAt} withTime /> ·{' '}
        {t('live.minutes', { count: session.durationMinutes })} · {t(`live.status.${session.status}`)}
      </p>
      {session.objectives ? <p className="live-session__objectives">{session.objectives}</p> : null}
      <FormMessage error={errors?.formError} />
      <p className="inline-actions">
        {a.join || a.observe ? (
          <Link className="button" to={`${base}/room`}>
            {a.observe ? t('live.openRoomStaff') : t('live.openRoom')}
          </Link>
        ) : null}
        <a className="button button--secondary" href={`${base}/calendar.ics`} download>
          {t('live.calendar')}
        </a>
        {a.manage ? (
          <Link className="button button--secondary" to={`${base}/transcript`}>
            {t('live.transcript.title')}
          </Link>
        ) : null}
      </p>
      {session.invitation ? (
        <section aria-labelledby="my-invitation">
          <h2 id="my-invitation">{t('live.myInvitation')}</h2>
          <p>{t(`live.invitation.${session.invitation.status}`)}</p>
          {a.respond ? (
            <Form method="post" className="inline-actions">
              <button type="submit" name="intent" value="accepted" className="button">
                {t('live.accept')}
              </button>
              <button type="submit" name="intent" value="declined" className="button button--secondary">
                {t('live.decline')}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {a.manage && session.participants ? (
        <InvitationsPanel
          participants={session.participants}
          candidates={candidates}
          segments={loaderData.segments}
          counts={session.counts}
          capacity={session.capacity}
          error={
            result && 'done' in result
              ? null
              : (errors?.fieldErrors.memberIds ?? errors?.fieldErrors.segmentId)
          }
        />
      ) : null}
      {a.manage && session.guide ? (
        <GuideEditor guide={session.guide} errors={errors?.fieldErrors} canSaveProbes={!!loaderData.probes} />
      ) : null}
      {a.manage && session.guide ? (
        <GuideTools
          exportUrl={`/api/v1/communities/${community.slug}/live-sessions/${session.id}/guide/export`}
          sections={session.guide.map((s) => s.title)}
          probes={loaderData.probes}
          probeSearch={loaderData.probeSearch}
          result={result}
        />
      ) : null}
      {a.manage && session.status === 'scheduled' ? (
        <Form method="post" className="stack">
          <h2>{t('live.settings')}</h2>
          <Field
            label={t('live.field.title')}
            name="title"
            defaultValue={session.title}
            required
            maxLength={200}
            error={errors?.fieldErrors.title}
          />
          <Field
            label={t('live.field.objectives')}
            name="objectives"
            defaultValue={session.objectives}
            multiline
            maxLength={5000}
          />
          <LocalDateTimeField
            label={t('live.field.startsAt')}
            help={t('live.field.startsAtHelp')}
            helpUtc={t('live.field.startsAtUtc')}
            defaultIso={session.startsAt}
            error={errors?.fieldErrors.startsAt}
          />
          <Field
            label={t('live.field.duration')}
            name="durationMinutes"
            type="number"
            min={10}
            max={480}
            defaultValue={String(session.durationMinutes)}
            required
          />
          <Field
            label={t('live.field.capacity')}
            name="capacity"
            type="number"
            min={2}
            max={200}
            defaultValue={String(session.capacity)}
            required
            error={errors?.fieldErrors.capacity}
          />
          <Field
            label={t('live.field.lobby')}
            name="lobbyMinutes"
            type="number"
            min={0}
            max={120}
            defaultValue={String(session.lobbyMinutes)}
            required
          />
          <SubmitButton name="intent" value="settings">
            {t('live.save')}
          </SubmitButton>
        </Form>
      ) : null}
    </article>
  );
}
