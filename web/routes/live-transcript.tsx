import { Link } from 'react-router';
import { LocalTime } from '../components/bits.tsx';
import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { Route } from './+types/live-transcript.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, () => web.api.getLiveSessionTranscript(params.slug, params.sessionId));
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `${loaderData.session.title} · Cercle` : 'Cercle' },
  { name: 'robots', content: 'noindex' },
];

/** The staff's transcript: the room with guide-item markers, answers per question, the backroom apart, exports. */
export default function LiveTranscriptPage({ loaderData: transcript }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
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
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
