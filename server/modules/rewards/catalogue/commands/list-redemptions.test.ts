import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, testApp } from '../../../../../test/helpers.ts';
import { rewardCommunity, seedRedemption, withRedemptions } from '../../../../../test/reward-fixtures.ts';
import { getAccessLog } from '../../../members/commands/get-access-log.ts';
import { listMyRedemptions } from './list-my-redemptions.ts';
import { listRedemptions } from './list-redemptions.ts';

beforeAll(() => testApp(), 180_000);

describe('listRedemptions', () => {
  it('rejects bad input', async () => {
    const { community, admin } = await withRedemptions();
    await expectAppError(
      listRedemptions({
        ctx: await ctxFor(admin.user),
        community: community.slug,
        query: { status: 'lost' },
      }),
      'validation_failed',
      '/status',
    );
  });

  it('reports an unknown community as not found', async () => {
    const { admin } = await withRedemptions();
    await expectAppError(
      listRedemptions({ ctx: await ctxFor(admin.user), community: 'no-such', query: {} }),
      'not_found',
    );
  });

  it('keeps the queue to community managers', async () => {
    const { community, member, observer } = await withRedemptions();
    for (const person of [member, observer]) {
      await expectAppError(
        listRedemptions({ ctx: await ctxFor(person.user), community: community.slug, query: {} }),
        'forbidden',
      );
    }
  });

  it('shows staff the queue oldest first, filtered and paged, without codes', async () => {
    const { community, admin, ids } = await withRedemptions();
    const queue = await listRedemptions({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      query: {},
    });
    expect(queue.items.map((r) => r.id)).toEqual(ids);
    expect(queue.items.every((r) => r.code === null)).toBe(true);
    const waiting = await listRedemptions({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      query: { status: 'requested', limit: 1 },
    });
    expect(waiting.items.map((r) => r.id)).toEqual([ids[0]]);
    const rest = await listRedemptions({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      query: { status: 'requested', limit: 1, cursor: waiting.nextCursor },
    });
    expect(rest.items.map((r) => r.id)).toEqual([ids[2]]);
  });

  it('writes an access-log entry for each shipping address shown to staff, none for the redeemer', async () => {
    const { community, admin, member } = await rewardCommunity();
    await seedRedemption(community.id, member.memberId);
    await listMyRedemptions({ ctx: await ctxFor(member.user), community: community.id, query: {} });
    expect((await getAccessLog({ ctx: await ctxFor(admin.user), community: community.id })).items).toEqual(
      [],
    );
    const queue = await listRedemptions({
      ctx: await ctxFor(admin.user),
      community: community.id,
      query: {},
    });
    expect(queue.items.map((r) => r.shippingAddress)).toEqual(['1 rue de la Paix']);
    const log = await getAccessLog({ ctx: await ctxFor(admin.user), community: community.id });
    expect(log.items.map((e) => [e.actor.userId, e.subject.memberId, e.fields, e.purpose])).toEqual([
      [admin.user.userId, member.memberId, ['shipping_address'], 'redemption.shipping'],
    ]);
  });
});
