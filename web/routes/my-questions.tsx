import { Link } from 'react-router';
import { LocalTime, NextPage } from '../components/bits.tsx';
import { CaseStatusBadge } from '../components/cases/case-bits.tsx';
import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/my-questions.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const cursor = new URL(request.url).searchParams.get('cursor');
  return guard(web.locale, () => web.api.listMyTopics(params.slug, cursor ? { cursor } : {}));
}

export const meta = titled('myQuestions.title');

/** The member's own questions: solved or not, and their support case's status (as on the topic). */
export default function MyQuestionsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  return (
    <section>
      <h1>{t('myQuestions.title')}</h1>
      {loaderData.items.length === 0 ? (
        <p className="empty">{t('myQuestions.empty')}</p>
      ) : (
        <ul className="my-questions">
          {loaderData.items.map((topic) => (
            <li key={topic.id} className="my-questions__item">
              <Link to={`/c/${community.slug}/t/${topic.id}`}>{topic.title}</Link>{' '}
              {topic.kind === 'question' ? (
                topic.solved ? (
                  <span className="badge badge--solved">{t('myQuestions.solved')}</span>
                ) : (
                  <span className="badge">{t('myQuestions.unsolved')}</span>
                )
              ) : (
                <span className="badge">{t('myQuestions.discussion')}</span>
              )}{' '}
              {topic.status === 'pending' ? <span className="badge">{t('myQuestions.pending')}</span> : null}
              {topic.case ? (
                <CaseStatusBadge
                  status={topic.case.status}
                  label={t('case.badge', { status: topic.case.statusLabel })}
                />
              ) : null}
              <br />
              <span className="meta">
                <LocalTime iso={topic.createdAt} /> ·{' '}
                {t('myQuestions.replies', { count: topic.repliesCount })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <NextPage cursor={loaderData.nextCursor} />
    </section>
  );
}
