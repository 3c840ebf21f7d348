import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, type FieldError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { PointsEvents } from '../rewards.events.ts';
import { pointsPolicy } from '../rewards.policy.ts';
import { type RanksDto, UpdateRanksBody } from '../rewards.schemas.ts';
import { deleteRanks, insertRanks, lockRankList } from '../standing.repository.ts';
import { refreshStanding } from '../standing.ts';
import { listRanks } from './list-ranks.ts';

const METRICS = ['minPoints', 'minSolutions', 'minKudos', 'minTenureDays'] as const;

type RankThresholdsInput = Record<(typeof METRICS)[number], number> & { minReliability?: number | null };

/** A rank's reliability threshold for ordering: none asked ranks below any score. */
const reliabilityOf = (rank: RankThresholdsInput) => rank.minReliability ?? -1;

/**
 * Field errors of a rank list: the first asks for nothing, thresholds never decrease (a reliability
 * threshold, once asked, stays), each rank asks for more.
 */
function orderErrors(ranks: readonly RankThresholdsInput[], names: readonly string[]) {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  ranks.forEach((rank, i) => {
    const key = names[i].trim().toLowerCase();
    if (seen.has(key)) errors.push({ path: `/ranks/${i}/name`, key: 'points.validation.duplicateRank' });
    seen.add(key);
    if (i === 0) {
      for (const m of METRICS)
        if (rank[m] !== 0) errors.push({ path: `/ranks/0/${m}`, key: 'points.validation.firstRankZero' });
      if (rank.minReliability != null)
        errors.push({ path: '/ranks/0/minReliability', key: 'points.validation.firstRankZero' });
      return;
    }
    const prev = ranks[i - 1];
    for (const m of METRICS)
      if (rank[m] < prev[m]) errors.push({ path: `/ranks/${i}/${m}`, key: 'points.validation.rankOrder' });
    if (reliabilityOf(rank) < reliabilityOf(prev))
      errors.push({ path: `/ranks/${i}/minReliability`, key: 'points.validation.rankOrder' });
    if (METRICS.every((m) => rank[m] === prev[m]) && reliabilityOf(rank) === reliabilityOf(prev))
      errors.push({ path: `/ranks/${i}/minPoints`, key: 'points.validation.rankOrder' });
  });
  return errors;
}

/**
 * Replaces a community's ordered list of ranks (admins and platform admins): the first asks for nothing
 * and each next one asks for at least as much of every metric (reliability included) and more of one;
 * each says what it grants (posting without pre-moderation, marking solutions on any question). Every member's rank is
 * recomputed in the same transaction. Audited; emits `ranks.updated`.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function updateRanks({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<RanksDto> {
  const body = validate(UpdateRanksBody, input);
  const errors = orderErrors(
    body.ranks,
    body.ranks.map((r) => r.name),
  );
  if (errors.length > 0) throw new AppError('validation_failed', { fields: errors });
  const loaded = await loadCommunity(ctx, community);
  authorize(pointsPolicy, 'configurePoints', ctx.actor, loaded);
  const communityId = loaded.community.id;
  const actorUserId = ctx.actor!.userId;
  const ranks = body.ranks.map((r) => ({
    ...r,
    name: r.name.trim(),
    minReliability: r.minReliability ?? null,
    marksAnySolution: r.marksAnySolution ?? false,
  }));
  await transact(ctx.kernel, async (trx, emit) => {
    await lockRankList(trx, communityId);
    await deleteRanks(trx, communityId);
    await insertRanks(trx, communityId, ranks);
    await refreshStanding(trx, communityId, null);
    await writeAudit(trx, {
      communityId,
      actorUserId,
      action: 'ranks.update',
      targetType: 'community',
      targetId: communityId,
      data: { ranks },
    });
    await emit({
      type: PointsEvents.ranksUpdated,
      communityId,
      actorUserId,
      payload: { communityId, names: ranks.map((r) => r.name) },
    });
  });
  return listRanks({ ctx, community: communityId });
}
