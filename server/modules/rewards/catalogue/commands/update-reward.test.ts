import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowsOf, ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../../test/helpers.ts';
import { rewardCommunity, rewardRow, seedReward, seedVoucher } from '../../../../../test/reward-fixtures.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { updateReward } from './update-reward.ts';

beforeAll(() => testApp(), 180_000);

describe('updateReward', () => {
  it('rejects bad input, including rules across the stored fields', async () => {
    const { community, admin } = await rewardCommunity();
    const gift = await seedReward(community.id, { available_from: new Date('2030-01-10T00:00:00Z') });
    const voucher = await seedVoucher(community.id, ['A']);
    const ctx = await ctxFor(admin.user);
    const cases: [string, unknown, string][] = [
      [gift.id, {}, ''],
      [gift.id, { cost: -1 }, '/cost'],
      [gift.id, { kind: 'voucher' }, '/kind'],
      [gift.id, { availableUntil: '2030-01-01T00:00:00Z' }, '/availableUntil'],
      [gift.id, { currency: 'EUR' }, '/currency'],
      [voucher.id, { stock: 10 }, '/stock'],
    ];
    for (const [rewardId, input, path] of cases) {
      await expectAppError(
        updateReward({ ctx, community: community.slug, rewardId, input }),
        'validation_failed',
        path || undefined,
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown and foreign rewards as not found', async () => {
    const { community, admin } = await rewardCommunity();
    const elsewhere = await rewardCommunity();
    const foreign = await seedReward(elsewhere.community.id);
    for (const rewardId of [newId(), foreign.id]) {
      await expectAppError(
        updateReward({
          ctx: await ctxFor(admin.user),
          community: community.slug,
          rewardId,
          input: { cost: 5 },
        }),
        'not_found',
      );
    }
  });

  it('refuses anyone but community managers', async () => {
    const { community, member, observer } = await rewardCommunity();
    const gift = await seedReward(community.id);
    for (const person of [member, observer]) {
      await expectAppError(
        updateReward({
          ctx: await ctxFor(person.user),
          community: community.slug,
          rewardId: gift.id,
          input: { cost: 5 },
        }),
        'forbidden',
      );
    }
    expect((await rewardRow(gift.id)).cost).toBe(100);
  });

  it('changes the fields given, emits reward.updated and audits before and after', async () => {
    const { community, moderator } = await rewardCommunity();
    const gift = await seedReward(community.id, { stock: 5 });
    const updated = await updateReward({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      rewardId: gift.id,
      input: { cost: 250, stock: null, active: false },
    });
    expect(updated).toMatchObject({ cost: 250, stock: null, active: false, title: 'A tote bag' });
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => [e.type, e.payload.changed])).toEqual([
      ['reward.updated', ['active', 'cost', 'stock']],
    ]);
    const [audit] = await auditRowsOf(community.id);
    expect(audit).toMatchObject({ action: 'reward.update', target_id: gift.id });
    expect(audit.data).toMatchObject({
      from: { cost: 100, stock: 5, active: true },
      to: { cost: 250, stock: null, active: false },
    });
  });
});
