import type { ReactNode } from 'react';
import { Form, Link, useActionData } from 'react-router';
import type { ReplyDto } from '../../server/modules/support/support.schemas.ts';
import { Avatar, LocalTime, RoleBadge } from '../components/bits.tsx';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT, useViewer } from '../lib/i18n.ts';
import { topicStructuredData } from '../lib/structured-data.ts';
import type { Route } from './+types/topic.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const topic = await guard(web.locale, () => web.api.getTopic(params.slug, params.topicId));
  return { ...topic, canonicalUrl: `${web.publicUrl}/c/${params.slug}/t/${topic.id}` };
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  if (!loaderData) return [];
  const community = matches.find((m) => m?.id === 'routes/community')?.loaderData as
    { visibility?: string } | undefined;
  const indexable =
    community?.visibility === 'public' &&
    loaderData.board.visibility === 'public' &&
    loaderData.status === 'published';
  const description = loaderData.bodyText.slice(0, 200);
  return [
    { title: `${loaderData.title} · Cercle` },
    { name: 'description', content: description },
    { tagName: 'link', rel: 'canonical', href: loaderData.canonicalUrl },
    { property: 'og:title', content: loaderData.title },
    { property: 'og:description', content: description },
    { property: 'og:type', content: 'article' },
    { property: 'og:url', content: loaderData.canonicalUrl },
    ...(indexable
      ? [{ 'script:ld+json': topicStructuredData(loaderData, loaderData.canonicalUrl) }]
      : [{ name: 'robots', content: 'noindex' }]),
  ];
};

/** One form, several intents: reply, accept or undo a solution, give kudos. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const intent = text(form, 'intent');
  return attempt(web.locale, async () => {
    if (intent === 'accept' || intent === 'unaccept') {
      await web.api.acceptSolution(params.slug, text(form, 'replyId'), intent === 'accept');
      return { done: intent };
    }
    if (intent === 'kudos') {
      const targetType = text(form, 'targetType') === 'topic' ? 'topic' : 'reply';
      await web.api.giveKudos(params.slug, targetType, text(form, 'targetId'));
      return { done: intent };
    }
    const reply = await web.api.createReply(params.slug, params.topicId, { body: text(form, 'body') });
    return { done: 'reply', pending: reply.status === 'pending' };
  });
}

/** The head of a post: avatar, pseudonym, role badge, time, and any badges passed as children. */
function PostHead({
  author,
  createdAt,
  children,
}: {
  author: { pseudonym: string; role: string };
  createdAt: string;
  children?: ReactNode;
}) {
  return (
    <header className="post__head">
      <Avatar name={author.pseudonym} />
      <p>
        <strong>{author.pseudonym}</strong> <RoleBadge role={author.role} />
        <br />
        <span className="meta">
          <LocalTime iso={createdAt} withTime />
        </span>
        {children}
      </p>
    </header>
  );
}

function KudosButton({
  targetType,
  targetId,
  count,
  allowed,
}: {
  targetType: string;
  targetId: string;
  count: number;
  allowed: boolean;
}) {
  const t = useT();
  return (
    <Form method="post" className="inline-form">
      <span className="meta">{t('support.kudos', { count })}</span>
      {allowed ? (
        <>
          <input type="hidden" name="targetType" value={targetType} />
          <input type="hidden" name="targetId" value={targetId} />
          <button
            type="submit"
            className="button button--small button--secondary"
            name="intent"
            value="kudos"
          >
            {t('support.giveKudos')}
          </button>
        </>
      ) : null}
    </Form>
  );
}

function ReplyItem({ reply, anchored = true }: { reply: ReplyDto; anchored?: boolean }) {
  const t = useT();
  return (
    <article
      id={anchored ? `reply-${reply.id}` : undefined}
      className={`post${reply.isSolution ? ' post--solution' : ''}`}
      aria-label={t('support.by', { pseudonym: reply.author.pseudonym })}
    >
      <PostHead author={reply.author} createdAt={reply.createdAt}>
        {reply.isSolution ? <span className="badge badge--solved">{t('support.solution')}</span> : null}
        {reply.status === 'pending' ? <span className="badge">{t('support.pending')}</span> : null}
      </PostHead>
      <div className="post__body" dangerouslySetInnerHTML={{ __html: reply.bodyHtml }} />
      <footer className="post__actions">
        <KudosButton
          targetType="reply"
          targetId={reply.id}
          count={reply.kudosCount}
          allowed={!!reply.abilities.give}
        />
        {reply.abilities.acceptSolution && reply.status === 'published' ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="replyId" value={reply.id} />
            <button
              type="submit"
              className="button button--small"
              name="intent"
              value={reply.isSolution ? 'unaccept' : 'accept'}
            >
              {reply.isSolution ? t('support.unaccept') : t('support.accept')}
            </button>
          </Form>
        ) : null}
      </footer>
    </article>
  );
}

export default function TopicPage({ loaderData: topic }: Route.ComponentProps) {
  const t = useT();
  const viewer = useViewer();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const errors = result && 'fieldErrors' in result ? result : null;
  const done = result && 'done' in result ? result : null;
  return (
    <article>
      <p className="meta">
        <Link to={`/c/${community.slug}/b/${topic.board.slug}`}>{topic.board.title}</Link>
      </p>
      <h1>
        {topic.title}{' '}
        {topic.solved ? <span className="badge badge--solved">{t('support.solved')}</span> : null}
        {topic.locked ? <span className="badge">{t('support.locked')}</span> : null}
      </h1>
      {topic.status === 'pending' ? <p className="notice">{t('support.pendingNotice')}</p> : null}
      <div className="post">
        <PostHead author={topic.author} createdAt={topic.createdAt} />
        <div className="post__body" dangerouslySetInnerHTML={{ __html: topic.bodyHtml }} />
        <footer className="post__actions">
          <KudosButton
            targetType="topic"
            targetId={topic.id}
            count={topic.kudosCount}
            allowed={!!topic.abilities.giveKudos}
          />
        </footer>
      </div>
      <FormMessage
        error={errors?.formError}
        success={
          done?.done === 'kudos'
            ? t('support.kudosGiven')
            : done && 'pending' in done && done.pending
              ? t('support.pendingNotice')
              : null
        }
      />
      {topic.solutions.length > 0 ? (
        <section aria-labelledby="solutions" className="solutions">
          <h2 id="solutions">{t('support.solutions')}</h2>
          {topic.solutions.map((reply) => (
            <ReplyItem key={`s-${reply.id}`} reply={reply} anchored={false} />
          ))}
        </section>
      ) : null}
      <section aria-labelledby="replies">
        <h2 id="replies">{t('support.replies', { count: topic.replies.length })}</h2>
        {topic.replies.length === 0 ? <p className="empty">{t('support.noReplies')}</p> : null}
        {topic.replies.map((reply) => (
          <ReplyItem key={reply.id} reply={reply} />
        ))}
      </section>
      {topic.abilities.reply ? (
        <section aria-labelledby="reply-form" className="staff-box">
          <h2 id="reply-form">{t('support.reply')}</h2>
          <Form method="post" noValidate>
            <Field
              label={t('support.yourReply')}
              name="body"
              multiline
              required
              maxLength={50000}
              help={t('support.field.bodyHelp')}
              error={errors?.fieldErrors.body}
            />
            <SubmitButton name="intent" value="reply">
              {t('support.reply')}
            </SubmitButton>
          </Form>
        </section>
      ) : topic.locked ? (
        <p className="notice">{t('support.lockedNotice')}</p>
      ) : !viewer || !community.viewerMembership ? (
        <p className="notice">{t('support.signInToReply')}</p>
      ) : null}
    </article>
  );
}
