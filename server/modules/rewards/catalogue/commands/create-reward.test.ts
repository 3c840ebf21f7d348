import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditRowsOf,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../../test/helpers.ts';
import { rewardCommunity } from '../../../../../test/reward-fixtures.ts';
import { createReward } from './create-reward.ts';

beforeAll(() => testApp(), 180_000);

describe('createReward', () => {
  it('rejects bad input with the field paths (a negative cost among them) and writes nothing', async () => {
    const { community, admin } = await rewardCommunity();
    const ctx = await ctxFor(admin.user);
    const base = { kind: 'gift', title: 'Mug', cost: 100 };
    const cases: [unknown, string][] = [
      [{ ...base, cost: -5 }, '/cost'],
      [{ ...base, cost: 0 }, '/cost'],
      [{ ...base, cost: 1.5 }, '/cost'],
      [{ ...base, kind: 'car' }, '/kind'],
      [{ ...base, title: '' }, '/title'],
      [{ ...base, title: '   ' }, '/title'],
      [{ ...base, stock: -1 }, '/stock'],
      [{ ...base, perMemberLimit: 0 }, '/perMemberLimit'],
      [{ ...base, currency: 'euro' }, '/currency'],
      [
        { ...base, availableFrom: '2030-01-02T00:00:00Z', availableUntil: '2030-01-01T00:00:00Z' },
        '/availableUntil',
      ],
      [{ ...base, kind: 'cashout' }, '/pointsPerUnit'],
      [{ ...base, pointsPerUnit: 100, currency: 'EUR' }, '/pointsPerUnit'],
      [{ ...base, kind: 'voucher', stock: 5 }, '/stock'],
      [{ ...base, extra: 1 }, '/extra'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(
        createReward({ ctx, community: community.slug, input }),
        'validation_failed',
        path,
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports an unknown community as not found', async () => {
    const { admin } = await rewardCommunity();
    await expectAppError(
      createReward({
        ctx: await ctxFor(admin.user),
        community: 'nope-nope',
        input: { kind: 'gift', title: 'x', cost: 1 },
      }),
      'not_found',
    );
  });

  it('refuses anyone but community managers', async () => {
    const { community, member, expert, observer } = await rewardCommunity();
    const input = { kind: 'gift', title: 'Mug', cost: 100 };
    await expectAppError(
      createReward({ ctx: await ctxFor(null), community: community.slug, input }),
      'unauthenticated',
    );
    for (const person of [member, expert, observer, { user: await plainUser() }]) {
      await expectAppError(
        createReward({ ctx: await ctxFor(person.user), community: community.slug, input }),
        'forbidden',
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('creates gifts, vouchers (stock from codes) and cash-outs; emits reward.created; audited', async () => {
    const { community, admin, moderator } = await rewardCommunity();
    const gift = await createReward({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      input: {
        kind: 'gift',
        title: ' Mug ',
        description: 'A blue mug.',
        cost: 300,
        stock: 20,
        perMemberLimit: 2,
        availableUntil: '2099-01-01T00:00:00.000Z',
        minLifetimePoints: 50,
      },
    });
    expect(gift).toMatchObject({
      kind: 'gift',
      title: 'Mug',
      cost: 300,
      stock: 20,
      perMemberLimit: 2,
      availableUntil: '2099-01-01T00:00:00.000Z',
      minLifetimePoints: 50,
      cashOut: null,
      active: true,
      unavailableReason: null,
    });
    const voucher = await createReward({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      input: { kind: 'voucher', title: '€10 voucher', cost: 1000 },
    });
    expect(voucher.stock).toBe(0);
    const cash = await createReward({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      input: { kind: 'cashout', title: 'Bank transfer', cost: 1500, pointsPerUnit: 100, currency: 'EUR' },
    });
    expect(cash.cashOut).toEqual({ pointsPerUnit: 100, currency: 'EUR', amount: 15 });
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.type)).toEqual(['reward.created', 'reward.created', 'reward.created']);
    expect(events[1].payload).toEqual({
      communityId: community.id,
      rewardId: voucher.id,
      kind: 'voucher',
      changed: ['cost', 'kind', 'title'],
    });
    expect((await auditRowsOf(community.id)).map((r) => [r.action, r.target_id])).toEqual([
      ['reward.create', gift.id],
      ['reward.create', voucher.id],
      ['reward.create', cash.id],
    ]);
  });
});
