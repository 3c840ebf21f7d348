import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditRowsOf,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  testApp,
  waitFor,
} from '../../../../test/helpers.ts';
import { researchCommunity } from '../../../../test/research-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getReliability } from './get-reliability.ts';
import { rateMember } from './rate-member.ts';

beforeAll(() => testApp(), 180_000);

describe('rateMember and getReliability', () => {
  it('rejects bad ratings with the field paths, saving nothing', async () => {
    const f = await researchCommunity();
    const ctx = await ctxFor(f.moderator.user);
    const rate = (input: unknown) =>
      rateMember({ ctx, community: f.community.slug, memberId: f.member.memberId, input });
    await expectAppError(rate({ rating: 6 }), 'validation_failed', '/rating');
    await expectAppError(rate({ rating: 2.5 }), 'validation_failed', '/rating');
    await expectAppError(rate({ rating: 3, note: 'x'.repeat(2001) }), 'validation_failed', '/note');
    expect(await outboxEventsOf(f.community.id)).toEqual([]);
  });

  it('does not find an unknown member or a member of another community', async () => {
    const f = await researchCommunity();
    const ctx = await ctxFor(f.admin.user);
    for (const memberId of [newId(), 'not-a-uuid', (await researchCommunity()).member.memberId]) {
      await expectAppError(
        rateMember({ ctx, community: f.community.slug, memberId, input: { rating: 3 } }),
        'not_found',
      );
      await expectAppError(getReliability({ ctx, community: f.community.slug, memberId }), 'not_found');
    }
  });

  it('refuses members, observers and outsiders, and anonymous callers', async () => {
    const f = await researchCommunity();
    for (const who of [f.member, f.other, f.observer, f.outsider]) {
      const ctx = await ctxFor(who.user);
      await expectAppError(
        rateMember({ ctx, community: f.community.slug, memberId: f.member.memberId, input: { rating: 1 } }),
        'forbidden',
      );
      await expectAppError(
        getReliability({ ctx, community: f.community.slug, memberId: f.member.memberId }),
        'forbidden',
      );
    }
    await expectAppError(
      getReliability({ ctx: await ctxFor(null), community: f.community.slug, memberId: f.member.memberId }),
      'unauthenticated',
    );
  });

  it('records the rating, emits member.rated, audits, and the score follows once dispatched', async () => {
    const { kernel } = await testApp();
    const f = await researchCommunity();
    const ctx = await ctxFor(f.moderator.user);
    const before = await getReliability({ ctx, community: f.community.slug, memberId: f.member.memberId });
    expect(before).toMatchObject({ score: null, computedAt: null, flagged: false, factors: [], ratings: [] });
    const { id } = await rateMember({
      ctx,
      community: f.community.slug,
      memberId: f.member.memberId,
      input: { rating: 1, note: '  Answered with one word all along.  ' },
    });
    expect(await outboxEventsOf(f.community.id)).toEqual([
      {
        type: 'member.rated',
        payload: { communityId: f.community.id, memberId: f.member.memberId, ratingId: id, rating: 1 },
        actor: f.moderator.user.userId,
      },
    ]);
    expect(await auditRowsOf(f.community.id)).toMatchObject([
      { action: 'member.rate', target_id: f.member.memberId, data: { rating: 1 } },
    ]);
    await kernel.dispatcher.dispatchPending();
    const after = await waitFor(async () => {
      const r = await getReliability({ ctx, community: f.community.slug, memberId: f.member.memberId });
      return r.score === null ? null : r;
    });
    expect(after).toMatchObject({
      memberId: f.member.memberId,
      panelStage: 'active',
      score: 80,
      threshold: 50,
      flagged: false,
      duplicates: [],
    });
    expect(after.factors.find((x) => x.name === 'ratings')).toEqual({
      name: 'ratings',
      count: 1,
      outOf: 1,
      points: -20,
    });
    expect(after.ratings).toMatchObject([{ id, rating: 1, note: 'Answered with one word all along.' }]);
    const rater = await kernel.db
      .selectFrom('memberships')
      .select('pseudonym')
      .where('id', '=', f.moderator.memberId)
      .executeTakeFirstOrThrow();
    expect(after.ratings[0].ratedBy).toBe(rater.pseudonym);
  });
});
