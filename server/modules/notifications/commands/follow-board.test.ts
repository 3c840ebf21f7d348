import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, outboxEventsOf, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedBoard, supportCommunity } from '../../../../test/support-fixtures.ts';
import { followBoard, getBoardFollow } from './follow-board.ts';

beforeAll(async () => {
  await testApp();
});

describe('followBoard', () => {
  it('rejects bad input', async () => {
    const { community, board, member } = await supportCommunity();
    await expectAppError(
      followBoard({
        ctx: await ctxFor(member.user),
        community: community.id,
        board: board.slug,
        input: { following: null },
      }),
      'validation_failed',
      '/following',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown boards, another community’s and staff boards to members as not found', async () => {
    const { community, member } = await supportCommunity();
    const foreign = await supportCommunity();
    const staff = await seedBoard(community.id, { visibility: 'staff' });
    const ctx = await ctxFor(member.user);
    for (const board of ['nope', foreign.board.id, staff.slug]) {
      await expectAppError(
        followBoard({ ctx, community: community.id, board, input: { following: true } }),
        'not_found',
      );
    }
  });

  it('asks visitors to sign in and refuses non-members', async () => {
    const { community, board } = await supportCommunity();
    const input = { following: true };
    await expectAppError(
      followBoard({ ctx: await ctxFor(null), community: community.id, board: board.slug, input }),
      'unauthenticated',
    );
    await expectAppError(
      followBoard({
        ctx: await ctxFor(await plainUser()),
        community: community.id,
        board: board.slug,
        input,
      }),
      'forbidden',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('follows a board (staff follow staff boards too) and emits follow.changed', async () => {
    const { community, board, member, moderator } = await supportCommunity();
    const ctx = await ctxFor(member.user);
    expect(
      await followBoard({ ctx, community: community.slug, board: board.slug, input: { following: true } }),
    ).toEqual({
      targetType: 'board',
      targetId: board.id,
      following: true,
    });
    expect(await getBoardFollow({ ctx, community: community.slug, board: board.slug })).toMatchObject({
      following: true,
      canFollow: true,
    });
    expect(
      await getBoardFollow({ ctx: await ctxFor(null), community: community.slug, board: board.slug }),
    ).toMatchObject({
      following: false,
      canFollow: false,
    });
    const staff = await seedBoard(community.id, { visibility: 'staff' });
    await followBoard({
      ctx: await ctxFor(moderator.user),
      community: community.id,
      board: staff.slug,
      input: { following: true },
    });
    expect(
      (await outboxEventsOf(community.id)).map((e) => [e.type, e.payload.targetId, e.payload.following]),
    ).toEqual([
      ['follow.changed', board.id, true],
      ['follow.changed', staff.id, true],
    ]);
  });
});
