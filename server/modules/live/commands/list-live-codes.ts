import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import { listCodeRows, listExcerptRows } from '../live-tools.repository.ts';
import { presentCodebook } from '../live-tools.presenter.ts';
import { livePolicy } from '../live.policy.ts';
import type { LiveCodeDto } from '../live.schemas.ts';
import { type LoadedLiveSession, loadLiveSession } from './load-live-session.ts';

/**
 * Loads a session for coding its transcript, checking that the actor codes it (its moderators and observers).
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function loadForCoding(
  ctx: Ctx,
  community: string,
  sessionId: string,
): Promise<LoadedLiveSession> {
  const loaded = await loadLiveSession(ctx, community, sessionId);
  authorize(livePolicy, 'code', ctx.actor, loaded);
  return loaded;
}

/** A session's codebook with every code's excerpts, in room order. */
export async function readCodebook(db: Queryable, sessionId: string): Promise<LiveCodeDto[]> {
  return presentCodebook(await listCodeRows(db, sessionId), await listExcerptRows(db, sessionId));
}

/**
 * A session's codebook for its staff (moderators and observers): the codes by name, each with its excerpts.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function listLiveCodes({
  ctx,
  community,
  sessionId,
}: {
  ctx: Ctx;
  community: string;
  sessionId: string;
}): Promise<{ items: LiveCodeDto[] }> {
  const loaded = await loadForCoding(ctx, community, sessionId);
  return { items: await readCodebook(ctx.kernel.db, loaded.row.id) };
}
