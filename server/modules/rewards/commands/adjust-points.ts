import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, found } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { appendLedgerEntries, lockBalance } from '../ledger.repository.ts';
import { findMemberFacts } from '../points.repository.ts';
import { PointsEvents } from '../rewards.events.ts';
import { pointsPolicy } from '../rewards.policy.ts';
import { presentLedgerEntry } from '../rewards.presenter.ts';
import { AdjustPointsBody, type LedgerEntryDto } from '../rewards.schemas.ts';
import { refreshStanding } from '../standing.ts';

/**
 * Adds points to (or takes points from) a member's available balance by hand (moderators, admins,
 * platform admins), with a mandatory reason shown to the member. Audited; emits `points.adjusted`. A
 * withdrawal larger than the available balance is refused (balances never go negative), and so is an
 * adjustment of one's own points.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden | conflict)
 */
export async function adjustPoints({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<LedgerEntryDto> {
  const body = validate(AdjustPointsBody, input);
  const loaded = await loadCommunity(ctx, community);
  authorize(pointsPolicy, 'managePoints', ctx.actor, loaded);
  const communityId = loaded.community.id;
  const member = found(await findMemberFacts(ctx.kernel.db, communityId, body.memberId));
  // Anti-abuse: staff never adjust their own points.
  if (member.id === loaded.membership?.id)
    throw new AppError('forbidden', { messageKey: 'points.error.selfAdjust' });
  const actorUserId = ctx.actor!.userId;
  const reason = body.reason.trim();
  const row = await transact(ctx.kernel, async (trx, emit) => {
    await lockBalance(trx, communityId, member.id);
    const [entry] = await appendLedgerEntries(trx, [
      {
        communityId,
        memberId: member.id,
        kind: 'adjustment',
        bucket: 'available',
        points: body.points,
        reason,
        actorUserId,
        idempotencyKey: `adjust:${newId()}`,
      },
    ]);
    await refreshStanding(trx, communityId, [member.id]);
    await writeAudit(trx, {
      communityId,
      actorUserId,
      action: 'points.adjust',
      targetType: 'member',
      targetId: member.id,
      data: { points: body.points, reason, entryId: entry.id },
    });
    await emit({
      type: PointsEvents.pointsAdjusted,
      communityId,
      actorUserId,
      payload: { communityId, memberId: member.id, entryId: entry.id, points: body.points },
    });
    return entry;
  });
  return presentLedgerEntry({ ...row, pseudonym: member.pseudonym, status: null });
}
