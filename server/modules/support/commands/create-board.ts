import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, isUniqueViolation } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { SupportEvents } from '../support.events.ts';
import { boardAdminPolicy } from '../support.policy.ts';
import { presentBoard } from '../support.presenter.ts';
import { insertBoard } from '../support.repository.ts';
import { type BoardDto, CreateBoardBody } from '../support.schemas.ts';

/** The shortest title once trimmed: what CreateBoardBody and the boards title check require. */
const MIN_TITLE = 2;

/**
 * Creates a board (staff). Emits `board.created`; audited.
 * @throws AppError(validation_failed: input, title too short once trimmed, or slug taken | not_found | unauthenticated | forbidden)
 */
export async function createBoard({
  ctx,
  community: key,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<BoardDto> {
  const body = validate(CreateBoardBody, input);
  const title = body.title.trim();
  if (title.length < MIN_TITLE) throw AppError.field('/title', 'validation.tooShort', { limit: MIN_TITLE });
  const loaded = await loadCommunity(ctx, key);
  authorize(boardAdminPolicy, 'manageBoards', ctx.actor, loaded);
  const actor = ctx.actor!;
  try {
    const board = await transact(ctx.kernel, async (trx, emit) => {
      const row = await insertBoard(trx, {
        id: newId(),
        community_id: loaded.community.id,
        slug: body.slug,
        title,
        description: body.description?.trim() ?? '',
        kind: body.kind,
        position: body.position ?? 0,
        visibility: body.visibility ?? 'public',
        posting: body.posting ?? (body.kind === 'announcements' ? 'staff' : 'members'),
        premoderation: body.premoderation ?? false,
      });
      await emit({
        type: SupportEvents.boardCreated,
        communityId: loaded.community.id,
        actorUserId: actor.userId,
        payload: { communityId: loaded.community.id, boardId: row.id, slug: row.slug },
      });
      await writeAudit(trx, {
        communityId: loaded.community.id,
        actorUserId: actor.userId,
        action: 'board.create',
        targetType: 'board',
        targetId: row.id,
        data: { slug: row.slug },
      });
      return row;
    });
    return presentBoard({ ...board, topics_count: 0 }, actor, { ...loaded, board });
  } catch (error) {
    if (isUniqueViolation(error, 'boards_community_id_slug_key'))
      throw AppError.field('/slug', 'validation.boardSlugTaken');
    throw error;
  }
}
