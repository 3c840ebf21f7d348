import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, outboxEventsOf, plainUser, testApp } from '../../../../../test/helpers.ts';
import { tinyPng } from '../../../../../test/image-fixtures.ts';
import { seedSegment } from '../../../../../test/research-fixtures.ts';
import {
  givePoints,
  mismatchesOf,
  rewardCommunity,
  rewardRow,
  seedReward,
} from '../../../../../test/reward-fixtures.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { transact } from '../../../../platform/kernel.ts';
import { getUpload } from '../../../support/commands/get-upload.ts';
import { uploadImage } from '../../../support/commands/upload-image.ts';
import { updateRanks } from '../../commands/update-ranks.ts';
import { findBalance } from '../../ledger.repository.ts';
import { refreshStanding } from '../../standing.ts';
import { createReward } from './create-reward.ts';
import { getReward } from './get-reward.ts';
import { listRewards } from './list-rewards.ts';
import { redeemReward } from './redeem-reward.ts';
import { updateReward } from './update-reward.ts';

beforeAll(() => testApp(), 180_000);

const zero = { minSolutions: 0, minKudos: 0, minTenureDays: 0, skipsPremoderation: false };

/** A community whose ranks are Newcomer (everyone) and Expert (1,000 lifetime points). */
async function rankedCommunity() {
  const fixture = await rewardCommunity();
  await updateRanks({
    ctx: await ctxFor(fixture.admin.user),
    community: fixture.community.id,
    input: {
      ranks: [
        { ...zero, name: 'Newcomer', minPoints: 0 },
        { ...zero, name: 'Expert', minPoints: 1000 },
      ],
    },
  });
  return fixture;
}

/** An image uploaded by a member of the community (unattached). */
async function upload(user: Parameters<typeof ctxFor>[0], community: string, name = 'mug.png') {
  return uploadImage({ ctx: await ctxFor(user), community, file: { data: tinyPng(), filename: name } });
}

describe('rewards reserved by rank or segment', () => {
  it('shows whom a reward is reserved for and refuses others at redemption with the reason', async () => {
    const { community, member, expert } = await rankedCommunity();
    const { kernel } = await testApp();
    const experts = await seedSegment(
      community.id,
      { match: 'all', conditions: [{ type: 'role', in: ['expert'] }] },
      'Product testers',
    );
    const byRank = await seedReward(community.id, { title: 'Backstage tour', min_rank_position: 1 });
    const bySegment = await seedReward(community.id, { title: 'Prototype', segment_id: experts.id });
    await givePoints(community.id, member.memberId, 500);
    await givePoints(community.id, expert.memberId, 500);

    const page = await listRewards({ ctx: await ctxFor(member.user), community: community.id, query: {} });
    const seen = Object.fromEntries(page.items.map((r) => [r.title, r]));
    expect(seen['Backstage tour']).toMatchObject({
      minRank: { position: 1, name: 'Expert' },
      segment: null,
      unavailableReason: 'rankTooLow',
    });
    expect(seen['Prototype']).toMatchObject({
      minRank: null,
      segment: { id: experts.id, name: 'Product testers' },
      unavailableReason: 'notInSegment',
    });
    const forExpert = await getReward({
      ctx: await ctxFor(expert.user),
      community: community.id,
      rewardId: bySegment.id,
    });
    expect(forExpert.unavailableReason).toBeNull();

    const redeem = async (user: typeof member.user, rewardId: string) =>
      redeemReward({
        ctx: await ctxFor(user),
        community: community.id,
        rewardId,
        input: { shippingAddress: '1 rue de la Paix' },
      });
    const rank = await expectAppError(redeem(member.user, byRank.id), 'conflict');
    expect(rank.messageKey).toBe('rewards.error.rankTooLow');
    const segment = await expectAppError(redeem(member.user, bySegment.id), 'conflict');
    expect(segment.messageKey).toBe('rewards.error.notInSegment');
    const redemptions = async () =>
      (await outboxEventsOf(community.id)).map((e) => e.type).filter((t) => t.startsWith('redemption.'));
    expect(await redemptions()).toEqual([]);
    expect((await findBalance(kernel.db, member.memberId)).available).toBe(500);

    // The expert belongs to the segment; the member reaches the rank once they earned 1,000 points.
    await redeem(expert.user, bySegment.id);
    await givePoints(community.id, member.memberId, 600);
    await transact(kernel, (trx) => refreshStanding(trx, community.id, [member.memberId]));
    await redeem(member.user, byRank.id);
    expect((await findBalance(kernel.db, member.memberId)).available).toBe(1000);
    expect(await redemptions()).toEqual(['redemption.requested', 'redemption.requested']);
    expect(await mismatchesOf(community.id)).toEqual([]);
  });

  it('refuses an unknown rank position, a segment of another community and images not the caller’s', async () => {
    const { community, admin, moderator } = await rankedCommunity();
    const other = await rewardCommunity();
    const foreignSegment = await seedSegment(other.community.id, { match: 'all', conditions: [] });
    const theirs = await upload(moderator.user, community.id);
    const ctx = await ctxFor(admin.user);
    const base = { kind: 'gift', title: 'Mug', cost: 100 };
    const cases: [unknown, string, string][] = [
      [{ ...base, minRankPosition: 0 }, '/minRankPosition', 'validation.tooSmall'],
      [{ ...base, minRankPosition: 2 }, '/minRankPosition', 'rewards.validation.unknownRank'],
      [{ ...base, segmentId: foreignSegment.id }, '/segmentId', 'rewards.validation.unknownSegment'],
      [{ ...base, segmentId: newId() }, '/segmentId', 'rewards.validation.unknownSegment'],
      [{ ...base, imageId: theirs.id }, '/imageId', 'rewards.validation.image'],
      [{ ...base, imageId: newId() }, '/imageId', 'rewards.validation.image'],
    ];
    for (const [input, path, key] of cases) {
      const error = await expectAppError(
        createReward({ ctx, community: community.id, input }),
        'validation_failed',
        path,
      );
      expect(error.fields.map((f) => f.key)).toEqual([key]);
    }
    expect((await outboxEventsOf(community.id)).filter((e) => e.type.startsWith('reward.'))).toEqual([]);
  });
});

describe('reward images', () => {
  it('attaches an uploaded image, shows it to catalogue readers only, and replaces it', async () => {
    const { community, admin, member } = await rewardCommunity();
    const first = await upload(admin.user, community.id, 'tote-bag.png');
    const ctx = await ctxFor(admin.user);
    const created = await createReward({
      ctx,
      community: community.id,
      input: { kind: 'gift', title: 'Tote bag', cost: 100, imageId: first.id },
    });
    expect(created.image).toEqual({ ...first, alt: 'tote bag' });
    // The member sees it in the catalogue; the image is served to them, not to outsiders.
    const page = await listRewards({ ctx: await ctxFor(member.user), community: community.id, query: {} });
    expect(page.items[0].image?.url).toBe(`/uploads/${first.id}`);
    expect(await getUpload({ ctx: await ctxFor(member.user), uploadId: first.id })).toMatchObject({
      id: first.id,
      public: false,
    });
    await expectAppError(
      getUpload({ ctx: await ctxFor(await plainUser()), uploadId: first.id }),
      'not_found',
    );
    await expectAppError(getUpload({ ctx: await ctxFor(null), uploadId: first.id }), 'not_found');

    // Used by one reward, the image cannot go to another.
    await expectAppError(
      createReward({
        ctx,
        community: community.id,
        input: { kind: 'gift', title: 'Cap', cost: 5, imageId: first.id },
      }),
      'validation_failed',
      '/imageId',
    );
    const second = await upload(admin.user, community.id, 'tote-bag-2.png');
    const updated = await updateReward({
      ctx,
      community: community.id,
      rewardId: created.id,
      input: { imageId: second.id },
    });
    expect(updated.image?.id).toBe(second.id);
    expect((await rewardRow(created.id)).image_id).toBe(second.id);
    // The replaced image is back with its uploader only.
    await expectAppError(getUpload({ ctx: await ctxFor(member.user), uploadId: first.id }), 'not_found');
    const removed = await updateReward({
      ctx,
      community: community.id,
      rewardId: created.id,
      input: { imageId: null },
    });
    expect(removed.image).toBeNull();
    expect((await outboxEventsOf(community.id)).map((e) => [e.type, e.payload.changed ?? null])).toEqual([
      ['image.uploaded', null],
      ['reward.created', ['cost', 'imageId', 'kind', 'title']],
      ['image.uploaded', null],
      ['reward.updated', ['imageId']],
      ['reward.updated', ['imageId']],
    ]);
  });
});
