import { data, Form, Link, useActionData } from 'react-router';
import { LocalTime } from '../components/bits.tsx';
import { FormMessage } from '../components/form.tsx';
import { Codebook, CodedText } from '../components/live/transcript-coding.tsx';
import { appContext } from '../context.ts';
import { actionErrors, asAppError, attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { Route } from './+types/live-transcript.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, async () => {
    const transcript = await web.api.getLiveSessionTranscript(params.slug, params.sessionId);
    // Sessions whose codes may be reused here: those the reader works on as staff (or all, for research staff).
    const others = (await web.api.listLiveSessions(params.slug)).items
      .filter((s) => s.id !== params.sessionId && (s.myRole === 'moderator' || s.myRole === 'observer'))
      .map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt }));
    return { ...transcript, others };
  });
}

/** Intents: staff keep the codebook and tag or untag excerpts; research staff save approved probes. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const intent = text(form, 'intent');
  const { slug, sessionId } = params;
  return attempt(web.locale, async () => {
    if (intent === 'code-create')
      await web.api.createLiveCode(slug, sessionId, {
        name: text(form, 'name'),
        colour: text(form, 'colour'),
      });
    else if (intent === 'code-update') {
      const codeId = text(form, 'codeId');
      try {
        await web.api.updateLiveCode(slug, sessionId, codeId, {
          name: text(form, 'name'),
          colour: text(form, 'colour'),
        });
      } catch (error) {
        // The refusal is shown beside the code's own form, not the new-code form.
        const appError = asAppError(error);
        if (!appError) throw error;
        return data({ ...actionErrors(web.locale, appError), codeId }, { status: appError.status });
      }
    } else if (intent === 'code-delete') {
      const untag = text(form, 'untag') === 'true';
      try {
        const { untagged } = await web.api.deleteLiveCode(slug, sessionId, text(form, 'codeId'), untag);
        return { done: intent, count: untagged };
      } catch (error) {
        // A code in use: the page asks to confirm (with or without JavaScript) before its excerpts lose it.
        if (asAppError(error)?.code === 'conflict' && !untag) return { confirmDelete: text(form, 'codeId') };
        throw error;
      }
    } else if (intent === 'code-copy') {
      const { copied } = await web.api.copyLiveCodes(slug, sessionId, text(form, 'fromSessionId'));
      return { done: intent, count: copied };
    } else if (intent === 'excerpt-tag') {
      const start = text(form, 'start');
      const end = text(form, 'end');
      await web.api.tagLiveExcerpt(slug, sessionId, {
        codeId: text(form, 'codeId'),
        seq: Number(text(form, 'seq')),
        ...(start && end ? { start: Number(start), end: Number(end) } : {}),
      });
    } else if (intent === 'excerpt-untag')
      await web.api.untagLiveExcerpt(slug, sessionId, text(form, 'excerptId'));
    else if (intent === 'probe-save') await web.api.createLiveProbe(slug, { body: text(form, 'body') });
    return { done: intent };
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `${loaderData.session.title} · Cercle` : 'Cercle' },
  { name: 'robots', content: 'noindex' },
];

/** The staff's transcript: the room with guide-item markers, answers per question, the backroom apart, exports. */
export default function LiveTranscriptPage({ loaderData: transcript }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const errors = result && 'fieldErrors' in result ? result : null;
  const done = result && 'done' in result ? result.done : null;
  const count = result && 'count' in result ? result.count : 0;
  const base = `/api/v1/communities/${community.slug}/live-sessions/${transcript.session.id}/transcript/export`;
  return (
    <article className="live-transcript">
      <p className="meta">
        <Link to={`/c/${community.slug}/live/${transcript.session.id}`}>{t('live.backToSession')}</Link>
      </p>
      <h1>{t('live.transcript.heading', { title: transcript.session.title })}</h1>
      <p className="inline-actions">
        {(['csv', 'markdown', 'json'] as const).map((format) => (
          <a key={format} className="button button--secondary" href={`${base}?format=${format}`} download>
            {t(`live.transcript.export.${format}`)}
          </a>
        ))}
      </p>
      <FormMessage
        error={errors?.formError}
        success={done === 'probe-save' ? t('live.library.saved') : null}
      />
      <Codebook
        codes={transcript.codes}
        others={transcript.others}
        errors={errors?.fieldErrors}
        done={done ?? null}
        count={count ?? 0}
        confirmDelete={result && 'confirmDelete' in result ? (result.confirmDelete ?? null) : null}
        editing={result && 'codeId' in result ? result.codeId : null}
      />
      <section aria-labelledby="transcript-room">
        <h2 id="transcript-room">{t('live.transcript.room')}</h2>
        {transcript.room.length === 0 ? <p className="empty">{t('live.room.empty')}</p> : null}
        <ol className="live-feed live-feed--full">
          {transcript.room.map((e) =>
            e.kind === 'item' ? (
              <li key={e.seq} className="live-entry live-entry--item">
                <h3>{e.body}</h3>
              </li>
            ) : (
              <li
                key={e.seq}
                id={`entry-${e.seq}`}
                className={`live-entry live-entry--${e.kind}${e.authorRole === 'moderator' ? ' live-entry--moderator' : ''}`}
              >
                <p className="live-entry__sender">
                  <strong>
                    {e.authorRole === 'moderator'
                      ? t('live.room.moderator')
                      : (e.author ?? t('live.room.system'))}
                  </strong>
                  <br />
                  <span className="meta">
                    <LocalTime iso={e.at} withTime />
                  </span>
                </p>
                <div className="live-entry__text">
                  {e.privateWith ? (
                    <p className="badge">{t('live.room.private', { pseudonym: e.privateWith })}</p>
                  ) : null}
                  {e.deleted ? <p className="badge">{t('live.transcript.deleted')}</p> : null}
                  {e.body && ['message', 'answer', 'private'].includes(e.kind) ? (
                    <div>
                      {e.choice ? `${e.choice.join(', ')} — ` : null}
                      <CodedText seq={e.seq} body={e.body} codes={transcript.codes} />
                    </div>
                  ) : (
                    <p>
                      {[
                        e.choice?.join(', '),
                        e.body ??
                          (['deletion', 'reveal', 'end'].includes(e.kind)
                            ? t(`live.transcript.kind.${e.kind}`)
                            : ''),
                      ]
                        .filter(Boolean)
                        .join(' — ')}
                    </p>
                  )}
                </div>
              </li>
            ),
          )}
        </ol>
      </section>
      <section aria-labelledby="transcript-questions">
        <h2 id="transcript-questions">{t('live.transcript.questions')}</h2>
        {transcript.questions.map((q) => (
          <section key={q.itemId}>
            <h3>{q.body}</h3>
            {q.answers.length === 0 ? <p className="empty">{t('live.transcript.noAnswers')}</p> : null}
            <ul>
              {q.answers.map((a) => (
                <li key={a.seq}>
                  <strong>{a.author}</strong>: {[a.choice?.join(', '), a.body].filter(Boolean).join(' — ')}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
      <section aria-labelledby="transcript-backroom">
        <h2 id="transcript-backroom">{t('live.transcript.backroom')}</h2>
        {transcript.backroom.length === 0 ? <p className="empty">{t('live.transcript.noBackroom')}</p> : null}
        <ul>
          {transcript.backroom.map((b) => (
            <li key={b.seq}>
              <strong>{b.author}</strong> ({t(`live.backroom.kind.${b.kind}`)}): {b.body}
              {b.kind === 'approved' && community.abilities.manageProbes ? (
                <Form method="post" className="inline-form" preventScrollReset>
                  <input type="hidden" name="body" value={b.body} />
                  <button
                    type="submit"
                    name="intent"
                    value="probe-save"
                    className="button button--small button--secondary"
                    aria-label={t('live.library.saveItem', { item: b.body })}
                  >
                    {t('live.library.save')}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
