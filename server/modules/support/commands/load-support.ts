import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { type LoadedCommunity, loadCommunity } from '../../communities/commands/load-community.ts';
import { type BoardResource, boardPolicy, type TopicResource, topicPolicy } from '../support.policy.ts';
import { findBoard, findReply, findTopic } from '../support.repository.ts';
import { rankMarksAnySolution } from '../../rewards/standing.repository.ts';

/**
 * Loads a board the actor may read. A board they may not read is reported as not found.
 * @throws AppError(not_found)
 */
export async function loadBoard(ctx: Ctx, communityKey: string, boardKey: string) {
  const loaded: LoadedCommunity = await loadCommunity(ctx, communityKey);
  const board = await findBoard(ctx.kernel.db, loaded.community.id, boardKey);
  if (!board) throw new AppError('not_found');
  const resource: BoardResource = { ...loaded, board };
  if (!boardPolicy.view(ctx.actor, resource)) throw new AppError('not_found');
  return { ...resource, board };
}

/**
 * Loads a topic the actor may read, with its board. Unknown, foreign or unreadable topics are not found.
 * With `followMerge`, a topic merged into another is also loaded for the board's readers (to point on).
 * @throws AppError(not_found)
 */
export async function loadTopic(
  ctx: Ctx,
  communityKey: string,
  topicId: string,
  options: { followMerge?: boolean } = {},
) {
  return loadTopicIn(ctx, await loadCommunity(ctx, communityKey), topicId, options);
}

/** A topic as `findTopic` reads it, with its board's columns. */
type FoundTopic = NonNullable<Awaited<ReturnType<typeof findTopic>>>;

/**
 * Loads a topic the actor may read within an already loaded community (see `loadTopic`).
 * @throws AppError(not_found)
 */
export async function loadTopicIn<T extends FoundTopic = FoundTopic>(
  ctx: Ctx,
  loaded: LoadedCommunity,
  topicId: string,
  options: {
    followMerge?: boolean;
    /** How the topic is read (default `findTopic`): a page reads it with its replies in one query. */
    find?: (communityId: string, topicId: string) => Promise<T | undefined>;
  } = {},
) {
  const topic = options.find
    ? await options.find(loaded.community.id, topicId)
    : ((await findTopic(ctx.kernel.db, loaded.community.id, topicId)) as T | undefined);
  if (!topic) throw new AppError('not_found');
  const resource: TopicResource = {
    ...loaded,
    board: {
      visibility: topic.board_visibility,
      posting: topic.board_posting,
      kind: topic.board_kind,
      premoderation: topic.board_premoderation,
    },
    topic,
    // A question's readers whose rank grants it may mark its solutions (one lookup, members only).
    rankMarksSolutions:
      topic.kind === 'question' && loaded.membership?.status === 'active'
        ? await rankMarksAnySolution(ctx.kernel.db, loaded.membership.id)
        : false,
  };
  if (
    !topicPolicy.view(ctx.actor, resource) &&
    !(options.followMerge && topicPolicy.followMerge(ctx.actor, resource))
  )
    throw new AppError('not_found');
  return { ...resource, topic };
}

/**
 * Loads a published reply the actor may read, with its topic and board.
 * @throws AppError(not_found)
 */
export async function loadReply(ctx: Ctx, communityKey: string, replyId: string) {
  const loaded = await loadCommunity(ctx, communityKey);
  const reply = await findReply(ctx.kernel.db, loaded.community.id, replyId);
  if (!reply || reply.status !== 'published') throw new AppError('not_found');
  return { ...(await loadTopicIn(ctx, loaded, reply.topic_id)), reply };
}
