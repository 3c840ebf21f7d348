import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { renderMarkdown } from '../../../platform/text/markdown.ts';
import { checkPostingLimits } from '../../moderation/posting-limits.ts';
import { SupportEvents } from '../support.events.ts';
import { boardPolicy } from '../support.policy.ts';
import { presentTopicSummary } from '../support.presenter.ts';
import { attachUploads, insertTopicTags, normalizeTags } from '../support-media.ts';
import { findAuthor, insertTopic } from '../support.repository.ts';
import { CreateTopicBody, type TopicSummaryDto } from '../support.schemas.ts';
import { loadBoard } from './load-support.ts';

/** The shortest title once trimmed: what CreateTopicBody and the topics title check require. */
const MIN_TITLE = 5;

/**
 * Posts a question or a discussion in a board. The Markdown is rendered once, safely, at write time.
 * In a pre-moderated board, or from a pre-moderated newcomer, a member's topic waits as `pending`; the
 * community's per-member rate limits apply (`checkPostingLimits`; staff post directly). Tags are
 * normalized (`normalizeTags`); `imageIds` attaches the author's own unattached uploads. Emits
 * `topic.created`.
 * @throws AppError(validation_failed: input, title too short once trimmed, a tag without letters, or an
 *   image that is not the author's unattached upload | not_found | unauthenticated | forbidden |
 *   rate_limited)
 */
export async function createTopic({
  ctx,
  community,
  board: boardKey,
  input,
}: {
  ctx: Ctx;
  community: string;
  board: string;
  input: unknown;
}): Promise<TopicSummaryDto> {
  const body = validate(CreateTopicBody, input);
  const title = body.title.trim();
  if (title.length < MIN_TITLE) throw AppError.field('/title', 'validation.tooShort', { limit: MIN_TITLE });
  if (body.body.trim() === '') throw AppError.field('/body', 'validation.required');
  const tags = normalizeTags(body.tags);
  const resource = await loadBoard(ctx, community, boardKey);
  authorize(boardPolicy, 'post', ctx.actor, resource);
  const membership = resource.membership!;
  const staff = boardPolicy.moderate(ctx.actor, resource);
  const kind = body.kind ?? (resource.board.kind === 'questions' ? 'question' : 'discussion');
  const row = await transact(ctx.kernel, async (trx, emit) => {
    const status = await checkPostingLimits(trx, {
      communityId: resource.community.id,
      membershipId: membership.id,
      staff,
      premoderatedBoard: resource.board.premoderation,
    });
    const topic = await insertTopic(trx, {
      id: newId(),
      community_id: resource.community.id,
      board_id: resource.board.id,
      author_id: membership.id,
      kind,
      title,
      body: body.body,
      body_html: renderMarkdown(body.body),
      status,
    });
    await insertTopicTags(trx, topic, tags);
    await attachUploads(
      trx,
      { communityId: resource.community.id, uploaderId: membership.id },
      body.imageIds ?? [],
      { type: 'topic', id: topic.id },
    );
    await emit({
      type: SupportEvents.topicCreated,
      communityId: resource.community.id,
      actorUserId: ctx.actor!.userId,
      payload: {
        communityId: resource.community.id,
        boardId: resource.board.id,
        topicId: topic.id,
        authorId: membership.id,
        kind,
        status,
        tags,
      },
    });
    return topic;
  });
  const author = await findAuthor(ctx.kernel.db, membership.id);
  return presentTopicSummary({ ...row, author_pseudonym: author.pseudonym, author_role: author.role, tags });
}
