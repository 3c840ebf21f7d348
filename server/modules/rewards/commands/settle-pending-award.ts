import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import type { AwardState } from '../points.repository.ts';
import { findMemberFacts } from '../points.repository.ts';
import { PointsEvents } from '../rewards.events.ts';
import { pointsPolicy } from '../rewards.policy.ts';
import { presentLedgerEntry } from '../rewards.presenter.ts';
import type { LedgerEntryDto } from '../rewards.schemas.ts';
import type { Queryable } from '../../../platform/db/database.ts';

/**
 * Shared by `releasePendingAward` and `denyPendingAward`: loads, authorizes (`managePoints`), settles the
 * award in a transaction with `settle`, audits, emits `event` and presents the award with its new status.
 * @throws AppError(not_found | unauthenticated | forbidden | conflict: points.error.notPending)
 */
export async function settlePendingAward(
  ctx: Ctx,
  community: string,
  awardId: string,
  how: {
    status: 'available' | 'denied';
    event: string;
    audit: string;
    reason?: string;
    settle: (trx: Queryable, communityId: string, actorUserId: string) => Promise<AwardState | null>;
  },
): Promise<LedgerEntryDto> {
  const loaded = await loadCommunity(ctx, community);
  authorize(pointsPolicy, 'managePoints', ctx.actor, loaded);
  const communityId = loaded.community.id;
  const actorUserId = ctx.actor!.userId;
  const award = await transact(ctx.kernel, async (trx, emit) => {
    const before = await how.settle(trx, communityId, actorUserId);
    if (!before) throw new AppError('not_found');
    if (before.status !== 'pending')
      throw new AppError('conflict', { messageKey: 'points.error.notPending' });
    const data = {
      memberId: before.award.member_id,
      points: before.award.points,
      reason: how.reason ?? null,
    };
    await writeAudit(trx, {
      communityId,
      actorUserId,
      action: how.audit,
      targetType: 'points_award',
      targetId: awardId,
      data,
    });
    await emit({ type: how.event, communityId, actorUserId, payload: { communityId, awardId, ...data } });
    return before.award;
  });
  const member = await findMemberFacts(ctx.kernel.db, communityId, award.member_id);
  return presentLedgerEntry({ ...award, pseudonym: member?.pseudonym ?? '', status: how.status });
}

/** The event names of the two settlements (re-exported for the commands). */
export const SETTLE_EVENTS = { release: PointsEvents.awardReleased, deny: PointsEvents.awardDenied } as const;
