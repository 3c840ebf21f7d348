import type { ReactNode } from 'react';
import { data, Form, Link, useActionData } from 'react-router';
import { CACHE_DIRECTIVE_HEADER, cacheDirective } from '../../common/http-cache.ts';
import type { ReplyDto } from '../../server/modules/support/support.schemas.ts';
import { Avatar, LocalTime, RoleBadge, RankBadge } from '../components/bits.tsx';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { FlagForm, flagAction } from '../components/moderation/flag-form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT, useViewer } from '../lib/i18n.ts';
import { topicStructuredData } from '../lib/structured-data.ts';
import type { Route } from './+types/topic.ts';
import { useCommunity } from './community.tsx';
import { ImageInput, PostImages, TagList } from '../components/support/post-media.tsx';
import { DraftKeeper } from '../components/support/draft-keeper.tsx';
import { QuoteLink, REPLY_FORM_ID } from '../components/support/quote-link.tsx';
import { TopicPager, topicPageLinks } from '../components/support/topic-pager.tsx';
import { refusedWith, requestedPage, topicPageState, uploadFormImages } from '../lib/post-media.ts';
import { DeletedReplyNotice, EditedMark, ReplyTools, TopicTools } from '../components/support/post-tools.tsx';
import { loadPostTools, runPostTool } from '../lib/post-tools.ts';
import { FollowForm, loadFollow, runFollow } from '../components/notifications/follow-form.tsx';
import { LiveReplies } from '../components/notifications/live-replies.tsx';
import { OfficialMark, TopicCaseBar } from '../components/cases/case-bits.tsx';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const url = new URL(request.url);
  const topic = await guard(web.locale, () =>
    web.api.getTopic(params.slug, params.topicId, requestedPage(url)),
  );
  const [tools, follow] = await Promise.all([
    loadPostTools(web, params.slug, topic),
    loadFollow(web, { type: 'topic', slug: params.slug, topicId: topic.id }),
  ]);
  const page = { ...topic, ...tools, follow, ...topicPageState(web.publicUrl, params.slug, topic, url) };
  // An anonymous reader's page holds only public content: kept a few seconds, dropped by the community's events.
  const headers: HeadersInit = web.viewer
    ? {}
    : { [CACHE_DIRECTIVE_HEADER]: cacheDirective(10, [`community:${topic.communityId}`]) };
  return data(page, { headers });
}

/** The page's caching directive comes from its loader. */
export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

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
    ...topicPageLinks(loaderData.baseUrl, loaderData.page),
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
  if (intent === 'flag') return flagAction(web, params.slug, form);
  const tool = await runPostTool(web, params, form, intent);
  if (tool) return tool;
  const follow = await runFollow(web, { type: 'topic', slug: params.slug, topicId: params.topicId }, form);
  if (follow) return follow;
  return attempt(web.locale, async () => {
    if (intent === 'escalate') {
      await web.api.escalateTopic(params.slug, params.topicId);
      return { done: intent };
    }
    if (intent === 'accept' || intent === 'unaccept') {
      await web.api.acceptSolution(params.slug, text(form, 'replyId'), intent === 'accept');
      return { done: intent };
    }
    if (intent === 'kudos') {
      const targetType = text(form, 'targetType') === 'topic' ? 'topic' : 'reply';
      await web.api.giveKudos(params.slug, targetType, text(form, 'targetId'));
      return { done: intent };
    }
    const uploaded: string[] = [];
    const replied = await attempt(web.locale, async () => {
      const imageIds = await uploadFormImages(web.api, params.slug, form, uploaded);
      const inReplyToId = text(form, 'inReplyToId') || undefined;
      return web.api.createReply(params.slug, params.topicId, {
        body: text(form, 'body'),
        inReplyToId,
        imageIds,
      });
    });
    if (!('id' in replied)) return refusedWith(replied, { imageIds: uploaded });
    return { done: 'reply', pending: replied.status === 'pending' };
  });
}

/** The head of a post: avatar, pseudonym, role badge, time, and any badges passed as children. */
function PostHead({
  author,
  createdAt,
  children,
}: {
  author: { pseudonym: string; role: string; rank?: string | null };
  createdAt: string;
  children?: ReactNode;
}) {
  return (
    <header className="post__head">
      <Avatar name={author.pseudonym} />
      <p>
        <strong>{author.pseudonym}</strong>{' '}
        {author.role !== 'member' ? <RoleBadge role={author.role} /> : null}
        {author.rank ? <RankBadge rank={author.rank} /> : null}
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
  const counter = <span className="meta">{t('support.kudos', { count })}</span>;
  // Only those who may give kudos get a form (a form per post costs the page's rendering for nothing).
  if (!allowed) return <span className="inline-form">{counter}</span>;
  return (
    <Form method="post" className="inline-form">
      {counter}
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetId" value={targetId} />
      <button type="submit" className="button button--small button--secondary" name="intent" value="kudos">
        {t('support.giveKudos')}
      </button>
    </Form>
  );
}

/** "In reply to" a previous message: a link to it (on this page, or the topic's first when elsewhere). */
function InReplyTo({ id }: { id: string }) {
  const t = useT();
  return (
    <p className="meta">
      <a href={`#reply-${id}`}>{t('support.inReplyToEarlier')}</a>
    </p>
  );
}

/** The link a "Quote" action falls back to without JavaScript: this page, with the reply box pre-filled. */
function quoteHref(postId: string, page: number): string {
  return `?${page > 1 ? `page=${page}&` : ''}quote=${postId}#${REPLY_FORM_ID}`;
}

/**
 * One reply. A page renders twenty or more: the parts that show nothing for this reply and reader (no
 * edit, no images, no tools) are not rendered at all, which saves the server their components' work.
 */
function ReplyItem({
  reply,
  anchored = true,
  quotePage = null,
}: {
  reply: ReplyDto;
  anchored?: boolean;
  /** The page this reply is shown on, when the viewer may quote it in a reply. */
  quotePage?: number | null;
}) {
  const t = useT();
  const community = useCommunity();
  return (
    <article
      id={anchored ? `reply-${reply.id}` : undefined}
      className={`post${reply.isSolution ? ' post--solution' : ''}${reply.official ? ' post--official' : ''}`}
      aria-label={t('support.by', { pseudonym: reply.author.pseudonym })}
    >
      <PostHead author={reply.author} createdAt={reply.createdAt}>
        {reply.editedAt ? <EditedMark editedAt={reply.editedAt} href={`history?reply=${reply.id}`} /> : null}{' '}
        {reply.official ? <OfficialMark reply={reply} brand={community.name} /> : null}{' '}
        {reply.isSolution ? <span className="badge badge--solved">{t('support.solution')}</span> : null}
        {reply.status === 'pending' ? <span className="badge">{t('support.pending')}</span> : null}
      </PostHead>
      {reply.inReplyToId ? <InReplyTo id={reply.inReplyToId} /> : null}
      <div className="post__body" dangerouslySetInnerHTML={{ __html: reply.bodyHtml }} />
      {reply.images.length > 0 ? <PostImages images={reply.images} /> : null}
      <footer className="post__actions">
        {quotePage ? (
          <QuoteLink href={quoteHref(reply.id, quotePage)} text={reply.bodyText} replyId={reply.id} />
        ) : null}
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
        {reply.abilities.flag ? <FlagForm targetType="reply" targetId={reply.id} /> : null}
        {reply.abilities.edit || reply.abilities.delete ? <ReplyTools reply={reply} /> : null}
      </footer>
    </article>
  );
}

export default function TopicPage({ loaderData: topic }: Route.ComponentProps) {
  const t = useT();
  const viewer = useViewer();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  // Post tools (edit, delete, arrange) show their own results beside their forms.
  const own = result && !('tool' in result) ? result : null;
  const errors = own && 'fieldErrors' in own ? own : null;
  const done = own && 'done' in own ? own : null;
  const quotePage = topic.abilities.reply ? topic.page.number : null;
  const pageBase = `/c/${community.slug}/t/${topic.id}`;
  const uploadedIds = errors && 'imageIds' in errors ? (errors.imageIds as string[]) : [];
  return (
    <article>
      <p className="meta">
        <Link to={`/c/${community.slug}/b/${topic.board.slug}`}>{topic.board.title}</Link>
      </p>
      <h1>
        {topic.title}{' '}
        {topic.solved ? <span className="badge badge--solved">{t('support.solved')}</span> : null}{' '}
        {topic.locked ? <span className="badge">{t('support.locked')}</span> : null}{' '}
        {topic.pinned ? <span className="badge">{t('support.pinned')}</span> : null}
      </h1>
      <TagList tags={topic.tags} boardPath={`/c/${community.slug}/b/${topic.board.slug}`} />
      <TopicCaseBar slug={community.slug} topic={topic} escalated={done?.done === 'escalate'} />
      {topic.status === 'pending' ? <p className="notice">{t('support.pendingNotice')}</p> : null}
      {topic.status === 'deleted' ? <p className="notice">{t('support.deletedNotice')}</p> : null}
      <div className="post">
        <PostHead author={topic.author} createdAt={topic.createdAt}>
          <EditedMark editedAt={topic.editedAt} href="history" />
        </PostHead>
        <div className="post__body" dangerouslySetInnerHTML={{ __html: topic.bodyHtml }} />
        <PostImages images={topic.images} />
        <footer className="post__actions">
          {quotePage ? (
            <QuoteLink href={quoteHref(topic.id, quotePage)} text={topic.bodyText} replyId={null} />
          ) : null}
          <KudosButton
            targetType="topic"
            targetId={topic.id}
            count={topic.kudosCount}
            allowed={!!topic.abilities.giveKudos}
          />
          {topic.abilities.flag ? <FlagForm targetType="topic" targetId={topic.id} /> : null}
          <TopicTools topic={topic} boards={topic.boards} />
        </footer>
      </div>
      <FollowForm type="topic" follow={topic.follow} />
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
      <DeletedReplyNotice />
      {topic.solutions.length > 0 ? (
        <section aria-labelledby="solutions" className="solutions">
          <h2 id="solutions">{t('support.solutions')}</h2>
          {topic.solutions.map((reply) => (
            <ReplyItem key={`s-${reply.id}`} reply={reply} anchored={false} quotePage={quotePage} />
          ))}
        </section>
      ) : null}
      <section aria-labelledby="replies">
        <h2 id="replies">{t('support.replies', { count: topic.page.totalReplies })}</h2>
        <TopicPager page={topic.page} base={pageBase} />
        {topic.replies.length === 0 ? <p className="empty">{t('support.noReplies')}</p> : null}
        {topic.replies.map((reply) => (
          <ReplyItem key={reply.id} reply={reply} quotePage={quotePage} />
        ))}
        <LiveReplies
          topicId={topic.id}
          knownIds={[...topic.replies, ...topic.solutions].map((reply) => reply.id)}
        />
      </section>
      {topic.abilities.reply ? (
        <section aria-labelledby="reply-form" className="staff-box">
          <h2 id="reply-form">{t('support.reply')}</h2>
          {topic.quote ? (
            <p className="meta">{t('support.quoting', { pseudonym: topic.quote.pseudonym })}</p>
          ) : null}
          <DraftKeeper
            formId={REPLY_FORM_ID}
            storageKey={`cercle:draft:${community.slug}:${topic.board.slug}:${topic.id}`}
            outcome={errors ?? done}
            posted={done?.done === 'reply'}
          />
          <Form method="post" encType="multipart/form-data" noValidate id={REPLY_FORM_ID}>
            <input type="hidden" name="inReplyToId" defaultValue={topic.quote?.inReplyToId ?? ''} />
            <Field
              label={t('support.yourReply')}
              name="body"
              multiline
              required
              maxLength={50000}
              help={t('support.field.bodyHelp')}
              defaultValue={topic.quote?.text}
              error={errors?.fieldErrors.body}
            />
            <ImageInput error={errors?.fieldErrors.images} uploadedIds={uploadedIds} />
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
