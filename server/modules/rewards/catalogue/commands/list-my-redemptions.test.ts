import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../../test/helpers.ts';
import { withRedemptions } from '../../../../../test/reward-fixtures.ts';
import { listMyRedemptions } from './list-my-redemptions.ts';

beforeAll(() => testApp(), 180_000);

describe('listMyRedemptions', () => {
  it('rejects bad input', async () => {
    const { community, member } = await withRedemptions();
    await expectAppError(
      listMyRedemptions({ ctx: await ctxFor(member.user), community: community.slug, query: { limit: 500 } }),
      'validation_failed',
      '/limit',
    );
  });

  it('reports an unknown community as not found', async () => {
    const { member } = await withRedemptions();
    await expectAppError(
      listMyRedemptions({ ctx: await ctxFor(member.user), community: 'no-such', query: {} }),
      'not_found',
    );
  });

  it('refuses visitors, outsiders and a platform admin without a membership', async () => {
    const { community } = await withRedemptions();
    await expectAppError(
      listMyRedemptions({ ctx: await ctxFor(null), community: community.slug, query: {} }),
      'unauthenticated',
    );
    for (const user of [await plainUser(), await plainUser({ platformAdmin: true })]) {
      await expectAppError(
        listMyRedemptions({ ctx: await ctxFor(user), community: community.slug, query: {} }),
        'forbidden',
      );
    }
  });

  it('shows each member their own redemptions, newest first, with their codes', async () => {
    const { community, member, other, ids } = await withRedemptions();
    const mine = await listMyRedemptions({
      ctx: await ctxFor(member.user),
      community: community.slug,
      query: {},
    });
    expect(mine.items.map((r) => [r.id, r.code])).toEqual([
      [ids[1], 'SECRET-1'],
      [ids[0], null],
    ]);
    const first = await listMyRedemptions({
      ctx: await ctxFor(member.user),
      community: community.slug,
      query: { limit: 1 },
    });
    const next = await listMyRedemptions({
      ctx: await ctxFor(member.user),
      community: community.slug,
      query: { limit: 1, cursor: first.nextCursor },
    });
    expect([...first.items, ...next.items].map((r) => r.id)).toEqual([ids[1], ids[0]]);
    const theirs = await listMyRedemptions({
      ctx: await ctxFor(other.user),
      community: community.slug,
      query: {},
    });
    expect(theirs.items.map((r) => r.id)).toEqual([ids[2]]);
  });
});
