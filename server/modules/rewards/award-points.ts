import type { Queryable } from '../../platform/db/database.ts';
import type { LedgerRow } from '../../platform/db/schema-rewards.ts';
import { appendLedgerEntries, lockBalance, type NewLedgerEntry } from './ledger.repository.ts';
import type { PointAction } from './point-rules.ts';
import {
  type AwardState,
  findAwardIdsOfSource,
  findAwardStates,
  findMemberFacts,
  hasLedgerKey,
  loadPointRules,
  loadRewardsSettings,
  openPointsFlag,
  sumAwardedLastHour,
  sumAwardedToday,
  sumPairAwardedToday,
} from './points.repository.ts';
import { refreshStanding } from './standing.ts';

const HOUR_MS = 3_600_000;

/** What earned the points: the event, and the item (reply, topic, survey...) for reversals and boards. */
export interface AwardInput {
  communityId: string;
  memberId: string;
  action: PointAction;
  /** The outbox event that earned the points: with the action and the member, the idempotency key. */
  sourceEventId: string;
  sourceType: string;
  sourceId: string;
  /** The other member whose act earned the points (the giver of kudos): the per-pair daily cap. */
  counterpartId?: string | null;
  /** An amount declared by the source (surveys, sessions), used when the action's rule allows it. */
  declaredPoints?: number | null;
}

/** The idempotency key of an award: the source event, the rule and the member. */
export function awardKey(eventId: string, action: string, memberId: string): string {
  return `award:${eventId}:${action}:${memberId}`;
}

/**
 * Awards points for an action in the caller's transaction, honouring the community's rule (on/off,
 * amount or the source's declared amount, daily cap per member), the per-pair daily cap and the review
 * period (pending until `release_at`, or available at once when it is 0). The member's balance row is
 * locked first, so concurrent awards to one member see each other's caps. A replayed event writes
 * nothing (its idempotency key is already there). Flags a burst for staff, then refreshes the member's
 * rank and badges. Returns the award written, or null when nothing was due.
 */
export async function awardPoints(trx: Queryable, input: AwardInput): Promise<LedgerRow | null> {
  const key = awardKey(input.sourceEventId, input.action, input.memberId);
  if (await hasLedgerKey(trx, input.communityId, key)) return null;
  const member = await findMemberFacts(trx, input.communityId, input.memberId);
  if (!member || member.status !== 'active') return null;
  if (input.counterpartId === input.memberId) return null;
  const rule = (await loadPointRules(trx, input.communityId)).find((r) => r.action === input.action);
  if (!rule?.enabled) return null;
  let points =
    rule.declaredAmount && input.declaredPoints != null ? Math.max(0, input.declaredPoints) : rule.points;
  if (points <= 0) return null;
  await lockBalance(trx, input.communityId, input.memberId);
  const settings = await loadRewardsSettings(trx, input.communityId);
  if (rule.dailyCap !== null) {
    points = Math.min(points, rule.dailyCap - (await sumAwardedToday(trx, input.memberId, input.action)));
  }
  if (input.counterpartId) {
    const pair = await sumPairAwardedToday(trx, input.memberId, input.counterpartId);
    points = Math.min(points, settings.pairDailyCap - pair);
  }
  if (points <= 0) return null;
  const releaseAt = new Date(Date.now() + settings.reviewHours * HOUR_MS);
  const base = {
    communityId: input.communityId,
    memberId: input.memberId,
    action: input.action,
    sourceEventId: input.sourceEventId,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    counterpartId: input.counterpartId ?? null,
  };
  const [award] = await appendLedgerEntries(trx, [
    { ...base, kind: 'award', bucket: 'pending', points, releaseAt, idempotencyKey: key },
  ]);
  if (!award) return null;
  if (settings.reviewHours === 0) await appendLedgerEntries(trx, releaseEntries(award, null));
  const lastHour = await sumAwardedLastHour(trx, input.memberId);
  if (lastHour > settings.burstPoints) {
    await openPointsFlag(trx, {
      communityId: input.communityId,
      memberId: input.memberId,
      pointsInHour: lastHour,
      threshold: settings.burstPoints,
    });
  }
  await refreshStanding(trx, input.communityId, [input.memberId]);
  return award;
}

/** The fields a settling entry copies from its award (the member, the action and the source). */
function childOf(award: LedgerRow) {
  return {
    communityId: award.community_id,
    memberId: award.member_id,
    parentId: award.id,
    action: award.action,
    sourceEventId: award.source_event_id,
    sourceType: award.source_type,
    sourceId: award.source_id,
    counterpartId: award.counterpart_id,
  };
}

/** The two rows that move a pending award to available. */
export function releaseEntries(award: LedgerRow, actorUserId: string | null): NewLedgerEntry[] {
  const common = { ...childOf(award), kind: 'release' as const, actorUserId };
  return [
    { ...common, bucket: 'pending', points: -award.points, idempotencyKey: `release:${award.id}:pending` },
    { ...common, bucket: 'available', points: award.points, idempotencyKey: `release:${award.id}:available` },
  ];
}

/** Locks the award's member balance, then reads the award's state (so settlements never race). */
async function lockedAwardState(trx: Queryable, communityId: string, awardId: string) {
  const [peek] = await findAwardStates(trx, communityId, [awardId]);
  if (!peek) return null;
  await lockBalance(trx, communityId, peek.award.member_id);
  const [state] = await findAwardStates(trx, communityId, [awardId]);
  return state;
}

/**
 * Releases a pending award (its review period ended, or staff validated it) in the caller's transaction.
 * Returns the award's state before, or null when the community has no such award; an award no longer
 * pending is left as it is (the caller decides whether that is a conflict).
 */
export async function releaseAward(
  trx: Queryable,
  communityId: string,
  awardId: string,
  actorUserId: string | null,
): Promise<AwardState | null> {
  const state = await lockedAwardState(trx, communityId, awardId);
  if (!state || state.status !== 'pending') return state;
  await appendLedgerEntries(trx, releaseEntries(state.award, actorUserId));
  await refreshStanding(trx, communityId, [state.award.member_id]);
  return state;
}

/**
 * Denies a pending award with a reason shown to the member (−N pending). Returns the state before, or
 * null when the community has no such award; an award no longer pending is left as it is.
 */
export async function denyAward(
  trx: Queryable,
  communityId: string,
  awardId: string,
  denial: { reason: string; actorUserId: string | null },
): Promise<AwardState | null> {
  const state = await lockedAwardState(trx, communityId, awardId);
  if (!state || state.status !== 'pending') return state;
  await appendLedgerEntries(trx, [
    {
      ...childOf(state.award),
      kind: 'denial',
      bucket: 'pending',
      points: -state.pending,
      reason: denial.reason,
      actorUserId: denial.actorUserId,
      idempotencyKey: `denial:${state.award.id}`,
    },
  ]);
  return state;
}

/**
 * Reverses the points an item earned (it was hidden, deleted, or its solution withdrawn), one visible
 * `reversal` entry per award with the reason (the event type). A pending award loses what is pending; a
 * released one loses at most what its member still has available: points already spent stay spent, so
 * no balance ever goes negative (the shortfall is simply not taken back). Awards already denied or
 * reversed are skipped. Returns the number of reversal entries written.
 */
export async function reverseAwardsOf(
  trx: Queryable,
  communityId: string,
  source: { type: string; id: string; actions?: readonly PointAction[]; reason: string },
): Promise<number> {
  const awards = await findAwardIdsOfSource(trx, communityId, source);
  let written = 0;
  const members = new Set<string>();
  for (const { id, member_id } of awards) {
    const balance = await lockBalance(trx, communityId, member_id);
    const [state] = await findAwardStates(trx, communityId, [id]);
    if (state.status === 'denied' || state.status === 'reversed') continue;
    const bucket = state.status === 'pending' ? 'pending' : 'available';
    const amount = bucket === 'pending' ? state.pending : Math.min(state.available, balance.available);
    if (amount <= 0) continue;
    const rows = await appendLedgerEntries(trx, [
      {
        ...childOf(state.award),
        kind: 'reversal',
        bucket,
        points: -amount,
        reason: source.reason,
        idempotencyKey: `reversal:${id}`,
      },
    ]);
    written += rows.length;
    members.add(member_id);
  }
  if (members.size > 0) await refreshStanding(trx, communityId, [...members]);
  return written;
}
