import { Form, Link, useActionData, useSearchParams } from 'react-router';
import type { QueueItemDto } from '../../server/modules/moderation/moderation.schemas.ts';
import { LocalTime, NextPage, RoleBadge, RankBadge } from '../components/bits.tsx';
import { FormMessage } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import { requireAbility } from '../lib/staff.ts';
import type { Route } from './+types/community-moderation.ts';
import { useCommunity } from './community.tsx';

const FILTERS = ['all', 'pending', 'flagged', 'hidden', 'deleted'] as const;
type Filter = (typeof FILTERS)[number];
const isFilter = (value: string | null): value is Filter => FILTERS.includes(value as Filter);

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  await requireAbility(web, params.slug, 'moderateContent', request);
  const search = new URL(request.url).searchParams;
  const requested = search.get('filter');
  const filter: Filter = isFilter(requested) ? requested : 'all';
  const cursor = search.get('cursor') ?? undefined;
  const queue = await guard(web.locale, () =>
    web.api.listModerationQueue(params.slug, { filter, limit: 20, ...(cursor ? { cursor } : {}) }),
  );
  return { ...queue, filter };
}

/** One intent: a moderator's action (approve, hide, delete, restore) on one post of the queue. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const moderation = text(form, 'action');
  return attempt(web.locale, async () => {
    const item = await web.api.moderateContent(params.slug, {
      targetType: text(form, 'targetType'),
      targetId: text(form, 'targetId'),
      action: moderation,
    });
    return { done: moderation, id: item.id };
  });
}

function QueueEntry({ item, slug }: { item: QueueItemDto; slug: string }) {
  const t = useT();
  const titleId = `q-${item.id}`;
  const href = `/c/${slug}/t/${item.topic.id}${item.targetType === 'reply' ? `#reply-${item.id}` : ''}`;
  return (
    <li className="post queue-item">
      <article aria-labelledby={titleId}>
        <h2 id={titleId} className="queue-item__title">
          {item.targetType === 'topic'
            ? t('moderation.item.label', {
                type: t('moderation.item.topic'),
                pseudonym: item.author.pseudonym,
              })
            : t('moderation.item.label', {
                type: t('moderation.item.reply'),
                pseudonym: item.author.pseudonym,
              })}
        </h2>
        <p className="meta">
          <span className="badge">{t(`moderation.status.${item.status}`)}</span>{' '}
          {item.isSolution ? (
            <span className="badge badge--solved">{t('moderation.item.solution')}</span>
          ) : null}{' '}
          {item.flagsCount > 0 ? (
            <span className="badge badge--flags">
              {t('moderation.item.flags', { count: item.flagsCount })}
            </span>
          ) : null}
        </p>
        <p className="meta">
          {t('moderation.item.inBoard', { board: item.board.title })} ·{' '}
          {item.targetType === 'topic' ? (
            <strong>{item.topic.title}</strong>
          ) : (
            t('moderation.item.replyIn', { title: item.topic.title })
          )}
        </p>
        <p className="meta">
          <strong>{item.author.pseudonym}</strong> <RoleBadge role={item.author.role} />{' '}
          <RankBadge rank={item.author.rank} /> · <LocalTime iso={item.createdAt} withTime />
        </p>
        <blockquote className="queue-item__excerpt">{item.excerpt}</blockquote>
        <p>
          <Link to={href}>{t('moderation.item.open')}</Link>
        </p>
        {item.flags.length > 0 ? (
          <ul className="queue-flags">
            {item.flags.map((flag) => (
              <li key={flag.id}>
                <strong>{t(`moderation.reason.${flag.reason}`)}</strong> ·{' '}
                {t('moderation.item.flagBy', { pseudonym: flag.flagger })} ·{' '}
                <LocalTime iso={flag.createdAt} withTime />
                {flag.note ? (
                  <>
                    <br />
                    {t('moderation.item.note', { note: flag.note })}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        <Form method="post" className="inline-form" aria-label={t('moderation.item.actions')}>
          <input type="hidden" name="targetType" value={item.targetType} />
          <input type="hidden" name="targetId" value={item.id} />
          {item.actions.map((name) => (
            <button
              key={name}
              type="submit"
              name="action"
              value={name}
              className={`button button--small${name === 'delete' ? ' button--danger' : name === 'approve' || name === 'restore' ? '' : ' button--secondary'}`}
            >
              {name === 'approve' && item.status === 'published'
                ? t('moderation.action.keep')
                : t(`moderation.action.${name}`)}
            </button>
          ))}
        </Form>
      </article>
    </li>
  );
}

export default function ModerationQueue({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result && 'formError' in result ? result : null;
  const done = result && 'done' in result ? result : null;
  const filterHref = (filter: Filter) => {
    const next = new URLSearchParams(params);
    next.delete('cursor');
    if (filter === 'all') next.delete('filter');
    else next.set('filter', filter);
    const query = next.toString();
    return `/c/${community.slug}/moderation${query ? `?${query}` : ''}`;
  };
  return (
    <section>
      <h1>{t('moderation.queue.title')}</h1>
      <p className="lead">{t('moderation.queue.intro')}</p>
      <nav aria-label={t('moderation.queue.filters')} className="tabs">
        <ul>
          {FILTERS.map((filter) => (
            <li key={filter}>
              <Link to={filterHref(filter)} aria-current={loaderData.filter === filter ? 'page' : undefined}>
                {t(`moderation.filter.${filter}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <FormMessage error={errors?.formError} success={done ? t(`moderation.done.${done.done}`) : null} />
      {loaderData.items.length === 0 ? (
        <p className="empty">{t('moderation.queue.empty')}</p>
      ) : (
        <ul className="queue">
          {loaderData.items.map((item) => (
            <QueueEntry key={`${item.targetType}-${item.id}`} item={item} slug={community.slug} />
          ))}
        </ul>
      )}
      <NextPage cursor={loaderData.nextCursor} />
    </section>
  );
}

export const meta = titled('moderation.queue.title');
