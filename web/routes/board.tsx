import { Form, Link, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { LocalTime, NextPage, RoleBadge, RankBadge } from '../components/bits.tsx';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import {
  SIMILAR_INTENT,
  SimilarQuestions,
  similarQuestionsFor,
} from '../components/support/similar-questions.tsx';
import { FollowForm, loadFollow, runFollow } from '../components/notifications/follow-form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { TopicSuggestionDto } from '../../server/modules/search/search.schemas.ts';
import type { Route } from './+types/board.ts';
import { useCommunity } from './community.tsx';
import { BoardContributors } from '../components/support/board-contributors.tsx';
import { DraftKeeper } from '../components/support/draft-keeper.tsx';
import { ImageInput, TagList } from '../components/support/post-media.tsx';
import { formTags, refusedWith, uploadFormImages } from '../lib/post-media.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const url = new URL(request.url);
  const filter = url.searchParams.get('filter');
  return guard(web.locale, async () => {
    const boards = await web.api.listBoards(params.slug);
    const board = boards.items.find((b) => b.slug === params.board || b.id === params.board);
    const tag = url.searchParams.get('tag')?.slice(0, 40) || undefined;
    const [topics, contributors] = await Promise.all([
      web.api.listTopics(params.slug, params.board, {
        limit: 20,
        cursor: url.searchParams.get('cursor') ?? undefined,
        filter: filter === 'unanswered' || filter === 'unsolved' ? filter : undefined,
        tag,
      }),
      web.api.listBoardContributors(params.slug, params.board),
    ]);
    const follow = await loadFollow(web, { type: 'board', slug: params.slug, board: params.board });
    return { board: board!, topics, follow, tag: tag ?? null, contributors };
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? [{ title: `${loaderData.board.title} · Cercle` }] : [];

export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const input = { title: text(form, 'title').trim(), body: text(form, 'body') };
  if (text(form, 'intent') === SIMILAR_INTENT)
    return similarQuestionsFor(web, params.slug, { ...input, tags: text(form, 'tags') });
  const follow = await runFollow(web, { type: 'board', slug: params.slug, board: params.board }, form);
  if (follow) return follow;
  const tagsText = text(form, 'tags');
  const uploaded: string[] = [];
  const result = await attempt(web.locale, async () => {
    const imageIds = await uploadFormImages(web.api, params.slug, form, uploaded);
    const topic = await web.api.createTopic(params.slug, params.board, {
      ...input,
      tags: formTags(form),
      imageIds,
    });
    return redirect(`/c/${params.slug}/t/${topic.id}`);
  });
  return result instanceof Response
    ? result
    : refusedWith(result, { input: { ...input, tags: tagsText }, imageIds: uploaded });
}

export default function BoardPage() {
  const t = useT();
  const community = useCommunity();
  const { board, topics, follow, tag, contributors } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as
    | {
        fieldErrors?: Record<string, string>;
        formError?: string;
        input?: { title: string; body: string; tags?: string };
        imageIds?: string[];
        similar?: TopicSuggestionDto[];
      }
    | undefined;
  const boardPath = `/c/${community.slug}/b/${board.slug}`;
  const [params] = useSearchParams();
  const filter = params.get('filter') ?? '';
  const isQuestions = board.kind === 'questions';
  return (
    <section>
      <h1>{board.title}</h1>
      {board.description ? <p className="lead">{board.description}</p> : null}
      <FollowForm type="board" follow={follow} />
      <BoardContributors contributors={contributors} />
      {tag ? (
        <p className="tag-filter">
          <strong>{t('support.taggedWith', { tag })}</strong>{' '}
          <Link to={boardPath}>{t('support.clearTag')}</Link>
        </p>
      ) : null}
      {isQuestions ? (
        <nav aria-label={t('support.filter.all')} className="tabs">
          <ul>
            {['', 'unanswered', 'unsolved'].map((f) => (
              <li key={f || 'all'}>
                <Link
                  to={`?${new URLSearchParams({ ...(f ? { filter: f } : {}), ...(tag ? { tag } : {}) }).toString()}`}
                  aria-current={filter === f ? 'page' : undefined}
                >
                  {t(`support.filter.${f || 'all'}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {topics.items.length === 0 ? (
        <p className="empty">{t('support.topicsEmpty')}</p>
      ) : (
        <ul className="topic-list">
          {topics.items.map((topic) => (
            <li key={topic.id}>
              <Link to={`/c/${community.slug}/t/${topic.id}`} className="topic-title">
                {topic.title}
              </Link>
              <p className="meta">
                {topic.solved ? <span className="badge badge--solved">{t('support.solved')}</span> : null}{' '}
                {topic.pinned ? <span className="badge">{t('support.pinned')}</span> : null}{' '}
                {topic.status === 'pending' ? <span className="badge">{t('support.pending')}</span> : null}{' '}
                {t('support.by', { pseudonym: topic.author.pseudonym })}{' '}
                <RoleBadge role={topic.author.role} /> <RankBadge rank={topic.author.rank} /> ·{' '}
                {t('support.replies', { count: topic.repliesCount })} ·{' '}
                <LocalTime iso={topic.lastActivityAt} withTime />
              </p>
              <TagList tags={topic.tags} boardPath={boardPath} />
            </li>
          ))}
        </ul>
      )}
      <NextPage cursor={topics.nextCursor} />
      {board.abilities.post ? (
        <section aria-labelledby="new-topic" className="staff-box">
          <h2 id="new-topic">{isQuestions ? t('support.ask') : t('support.start')}</h2>
          {board.premoderation ? <p className="meta">{t('support.pendingNotice')}</p> : null}
          <FormMessage error={result?.formError} />
          <DraftKeeper
            formId="new-topic-form"
            storageKey={`cercle:draft:${community.slug}:${board.slug}:new`}
            outcome={result?.formError ? result : undefined}
          />
          <Form method="post" encType="multipart/form-data" noValidate id="new-topic-form">
            <Field
              label={t('support.field.title')}
              name="title"
              required
              minLength={5}
              maxLength={200}
              help={t('support.field.titleHelp')}
              defaultValue={result?.input?.title}
              error={result?.fieldErrors?.title}
            />
            <Field
              label={t('support.field.body')}
              name="body"
              multiline
              required
              maxLength={50000}
              help={t('support.field.bodyHelp')}
              defaultValue={result?.input?.body}
              error={result?.fieldErrors?.body}
            />
            <Field
              label={t('support.field.tags')}
              name="tags"
              maxLength={250}
              help={t('support.field.tagsHelp')}
              defaultValue={result?.input?.tags}
              error={result?.fieldErrors?.tags}
            />
            <ImageInput error={result?.fieldErrors?.images} uploadedIds={result?.imageIds} />
            <SubmitButton>{t('support.post')}</SubmitButton>
            {isQuestions ? <SimilarQuestions community={community.slug} initial={result?.similar} /> : null}
          </Form>
        </section>
      ) : null}
    </section>
  );
}
