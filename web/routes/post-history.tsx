import { Link } from 'react-router';
import { RevisionHistory } from '../components/support/revision-history.tsx';
import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { Route } from './+types/post-history.ts';
import { useCommunity } from './community.tsx';
import { titled } from '../lib/meta.ts';

/** The edit history of a topic, or of one of its replies (`?reply=<id>`): anyone who reads it sees it. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const replyId = new URL(request.url).searchParams.get('reply');
  return guard(web.locale, async () => {
    const topic = await web.api.getTopic(params.slug, params.topicId);
    const history = replyId
      ? await web.api.listRevisions(params.slug, 'reply', replyId)
      : await web.api.listRevisions(params.slug, 'topic', topic.id);
    return { topic: { id: topic.id, title: topic.title }, replyId, items: history.items };
  });
}

export const meta: Route.MetaFunction = (args) => [
  ...titled('support.history.title')(args),
  { name: 'robots', content: 'noindex' },
];

export default function PostHistory({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const { topic, replyId, items } = loaderData;
  const back = `/c/${community.slug}/t/${topic.id}${replyId ? `#reply-${replyId}` : ''}`;
  return (
    <section>
      <p className="meta">
        <Link to={back}>{t('support.history.back')}</Link>
      </p>
      <h1>{replyId ? t('support.history.title') : t('support.history.ofTopic', { title: topic.title })}</h1>
      <RevisionHistory items={items} />
    </section>
  );
}
