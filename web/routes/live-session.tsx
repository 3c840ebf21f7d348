import { Form, Link, useActionData } from 'react-router';
import {
  type GuideSectionDraft,
  moveItem,
  parseOutline,
  removeItem,
  toGuideDraft,
} from '../../common/live/guide-outline.ts';
import { LocalTime } from '../components/bits.tsx';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { GuideEditor } from '../components/live/guide-editor.tsx';
import { InvitationsPanel } from '../components/live/invitations-panel.tsx';
import { LocalDateTimeField, toUtcIso } from '../components/live/local-datetime.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { Route } from './+types/live-session.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
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
    return { session, candidates, segments };
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `${loaderData.session.title} · Cercle` : 'Cercle' },
  { name: 'robots', content: 'noindex' },
];

const KINDS: Record<string, Pick<GuideSectionDraft['items'][number], 'kind' | 'questionType'>> = {
  'question-open': { kind: 'question', questionType: 'open' },
  'question-single': { kind: 'question', questionType: 'single' },
  'question-multiple': { kind: 'question', questionType: 'multiple' },
  'question-rating': { kind: 'question', questionType: 'rating' },
  probe: { kind: 'probe' },
  stimulus: { kind: 'stimulus' },
  note: { kind: 'note' },
};

/** The guide after one editing intent (add, move, remove, import), from the guide as it is now. */
function editedGuide(
  intent: string,
  form: FormData,
  guide: GuideSectionDraft[],
  mediaId: string | null,
): GuideSectionDraft[] {
  const itemId = text(form, 'itemId');
  if (intent === 'guide-up' || intent === 'guide-down')
    return moveItem(guide, itemId, intent === 'guide-up' ? 'up' : 'down');
  if (intent === 'guide-remove') return removeItem(guide, itemId);
  if (intent === 'guide-import') return [...guide, ...parseOutline(text(form, 'outline'))];
  const title = text(form, 'section').trim();
  const kind = KINDS[text(form, 'kind')] ?? KINDS.probe;
  const options = text(form, 'options')
    .split('|')
    .map((o) => o.trim())
    .filter(Boolean);
  const item = {
    ...kind,
    body: text(form, 'body'),
    ...(options.length > 0 ? { options } : {}),
    ...(form.get('blind') === 'on' && kind.kind === 'question' ? { blind: true } : {}),
    ...(mediaId ? { mediaId } : {}),
  };
  const existing = guide.find((s) => s.title === title);
  if (existing) return guide.map((s) => (s === existing ? { ...s, items: [...s.items, item] } : s));
  return [...guide, { title: title || 'Guide', plannedMinutes: 10, items: [item] }];
}

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
    } else if (intent.startsWith('guide-')) {
      const session = await web.api.getLiveSession(slug, sessionId);
      const file = form.get('media');
      const media =
        intent === 'guide-add' && file instanceof File && file.size > 0
          ? await web.api.uploadLiveSessionMedia(slug, sessionId, {
              file: { data: Buffer.from(await file.arrayBuffer()), filename: file.name },
              alt: text(form, 'mediaAlt'),
              logo: form.get('logo') === 'on',
            })
          : null;
      const sections = editedGuide(intent, form, toGuideDraft(session.guide ?? []), media?.id ?? null);
      await web.api.updateLiveSessionGuide(slug, sessionId, { sections });
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
      {a.manage && session.guide ? <GuideEditor guide={session.guide} errors={errors?.fieldErrors} /> : null}
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
