import type { Insertable } from 'kysely';
import { newId } from '../server/platform/db/ids.ts';
import type { RewardRow, RewardTable } from '../server/platform/db/schema-catalogue.ts';
import { transact } from '../server/platform/kernel.ts';
import { appendLedgerEntries, findBalanceMismatches } from '../server/modules/rewards/ledger.repository.ts';
import { redeemReward } from '../server/modules/rewards/catalogue/commands/redeem-reward.ts';
import { ctxFor, testApp } from './helpers.ts';
import { supportCommunity } from './support-fixtures.ts';

/** A fresh community (private unless told) with its people (see `supportCommunity`). */
export async function rewardCommunity(overrides: Parameters<typeof supportCommunity>[0] = {}) {
  return supportCommunity({ visibility: 'private', ...overrides });
}

/** Inserts a reward directly (a gift of 100 points with unlimited stock unless told otherwise). */
export async function seedReward(
  communityId: string,
  values: Partial<Insertable<RewardTable>> = {},
): Promise<RewardRow> {
  const { kernel } = await testApp();
  return kernel.db
    .insertInto('rewards')
    .values({
      id: newId(),
      community_id: communityId,
      kind: 'gift',
      title: 'A tote bag',
      cost: 100,
      stock: null,
      ...values,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserts a voucher reward with these codes (its stock is their number). */
export async function seedVoucher(
  communityId: string,
  codes: string[],
  values: Partial<Insertable<RewardTable>> = {},
) {
  const { kernel } = await testApp();
  const reward = await seedReward(communityId, {
    kind: 'voucher',
    title: 'A €10 voucher',
    stock: codes.length,
    ...values,
  });
  if (codes.length > 0) {
    await kernel.db
      .insertInto('voucher_codes')
      .values(codes.map((code) => ({ id: newId(), community_id: communityId, reward_id: reward.id, code })))
      .execute();
  }
  return reward;
}

/** Gives a member available points through an `adjustment` entry of the ledger. */
export async function givePoints(communityId: string, memberId: string, points: number): Promise<void> {
  const { kernel } = await testApp();
  await transact(kernel, (trx) =>
    appendLedgerEntries(trx, [
      {
        communityId,
        memberId,
        kind: 'adjustment',
        bucket: 'available',
        points,
        reason: 'Test points',
        idempotencyKey: `test-adjustment:${newId()}`,
      },
    ]),
  );
}

/** The ledger entries of a member, oldest first (kind, points, key). */
export async function ledgerOf(memberId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('points_ledger')
    .select(['id', 'kind', 'points', 'idempotency_key', 'parent_id', 'redemption_id'])
    .where('member_id', '=', memberId)
    .orderBy('id')
    .execute();
}

/** A reward's row as stored. */
export async function rewardRow(rewardId: string): Promise<RewardRow> {
  const { kernel } = await testApp();
  return kernel.db.selectFrom('rewards').selectAll().where('id', '=', rewardId).executeTakeFirstOrThrow();
}

/** A redemption's row as stored. */
export async function redemptionRow(redemptionId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('redemptions')
    .selectAll()
    .where('id', '=', redemptionId)
    .executeTakeFirstOrThrow();
}

/** The balance-versus-ledger mismatches of a community (must stay empty). */
export async function mismatchesOf(communityId: string) {
  const { kernel } = await testApp();
  return findBalanceMismatches(kernel.db, communityId);
}

/**
 * Inserts a member's redemption of a new gift directly, in a status (its points are not reserved: for
 * tests of who may act on it, not of the ledger).
 */
export async function seedRedemption(
  communityId: string,
  memberId: string,
  status: 'requested' | 'approved' = 'requested',
) {
  const { kernel } = await testApp();
  const reward = await seedReward(communityId);
  return kernel.db
    .insertInto('redemptions')
    .values({
      id: newId(),
      community_id: communityId,
      reward_id: reward.id,
      member_id: memberId,
      cost: reward.cost,
      status,
      shipping_address: '1 rue de la Paix',
      idempotency_key: newId(),
      decided_at: status === 'requested' ? null : new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Gives every member of a community these available points. */
export async function giveEveryonePoints(communityId: string, points: number): Promise<void> {
  const { kernel } = await testApp();
  const members = await kernel.db
    .selectFrom('memberships')
    .select('id')
    .where('community_id', '=', communityId)
    .execute();
  for (const m of members) await givePoints(communityId, m.id, points);
}

/**
 * A community where a member redeemed a gift then a voucher (code `SECRET-1`), and another member a gift:
 * the three redemption ids in that order.
 */
export async function withRedemptions() {
  const fixture = await rewardCommunity();
  const { community, member, other } = fixture;
  const gift = await seedReward(community.id, { cost: 10 });
  const voucher = await seedVoucher(community.id, ['SECRET-1'], { cost: 10 });
  await givePoints(community.id, member.memberId, 100);
  await givePoints(community.id, other.memberId, 100);
  const redeem = async (person: typeof member, rewardId: string) =>
    redeemReward({
      ctx: await ctxFor(person.user),
      community: community.slug,
      rewardId,
      input: { shippingAddress: 'Here' },
    });
  const a = await redeem(member, gift.id);
  const b = await redeem(member, voucher.id);
  const c = await redeem(other, gift.id);
  return { ...fixture, ids: [a.id, b.id, c.id] };
}
