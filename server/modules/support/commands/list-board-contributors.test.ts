import { describe, expect, it } from 'vitest';
import { addMember, ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedBoard, seedReply, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { listBoardContributors } from './list-board-contributors.ts';

async function giveKudos(
  communityId: string,
  giverId: string,
  target: { type: 'topic' | 'reply'; id: string; authorId: string },
  createdAt?: string,
) {
  const { kernel } = await testApp();
  await kernel.db
    .insertInto('kudos')
    .values({
      community_id: communityId,
      giver_id: giverId,
      target_type: target.type,
      target_id: target.id,
      receiver_id: target.authorId,
      ...(createdAt ? { created_at: createdAt } : {}),
    })
    .execute();
}

describe('listBoardContributors', () => {
  it('reports unknown boards, another community’s, and boards the viewer may not read as not found', async () => {
    const { community, member } = await supportCommunity();
    const other = await supportCommunity();
    const staffBoard = await seedBoard(community.id, { visibility: 'staff' });
    const list = async (user: typeof member.user | null, communityId: string, board: string) =>
      listBoardContributors({ ctx: await ctxFor(user), community: communityId, board });
    await expectAppError(list(member.user, community.id, 'nope'), 'not_found');
    await expectAppError(list(member.user, community.id, other.board.id), 'not_found');
    await expectAppError(list(member.user, community.id, staffBoard.slug), 'not_found');
    const secret = await supportCommunity({ visibility: 'private' });
    await expectAppError(list(null, secret.community.id, secret.board.slug), 'not_found');
  });

  it('lists active experts and the board’s top five of the last 90 days: solutions first, then kudos', async () => {
    const { community, board, member, other, expert, moderator } = await supportCommunity();
    const people = [];
    for (let i = 0; i < 5; i++) {
      const user = await plainUser();
      people.push(await addMember(community.id, user.userId));
    }
    const suspendedExpert = await addMember(community.id, (await plainUser()).userId, 'expert', 'suspended');
    const topic = await seedTopic(board, member.memberId);
    // other: 2 solutions; expert: 1 solution and 2 kudos; people[0]: 3 kudos; people[1..4]: 1 kudos each.
    await seedReply(topic, other.memberId, { is_solution: true });
    await seedReply(topic, other.memberId, { is_solution: true });
    const expertReply = await seedReply(topic, expert.memberId, { is_solution: true });
    await giveKudos(community.id, member.memberId, {
      type: 'reply',
      id: expertReply.id,
      authorId: expert.memberId,
    });
    await giveKudos(community.id, other.memberId, {
      type: 'reply',
      id: expertReply.id,
      authorId: expert.memberId,
    });
    const popular = await seedTopic(board, people[0], { kind: 'discussion' });
    for (const giver of [member.memberId, other.memberId, expert.memberId]) {
      await giveKudos(community.id, giver, { type: 'topic', id: popular.id, authorId: people[0] });
    }
    for (const person of people.slice(1)) {
      const reply = await seedReply(topic, person);
      await giveKudos(community.id, moderator.memberId, { type: 'reply', id: reply.id, authorId: person });
    }
    // Not counted: an old solution, old kudos, a hidden reply's solution, and another board's activity.
    await seedReply(topic, moderator.memberId, { is_solution: true, created_at: '2020-01-01T00:00:00Z' });
    const old = await seedReply(topic, moderator.memberId);
    await giveKudos(
      community.id,
      member.memberId,
      { type: 'reply', id: old.id, authorId: moderator.memberId },
      '2020-01-01T00:00:00Z',
    );
    await seedReply(topic, moderator.memberId, { is_solution: true, status: 'hidden' });
    const elsewhere = await seedTopic(await seedBoard(community.id), member.memberId);
    await seedReply(elsewhere, moderator.memberId, { is_solution: true });

    const result = await listBoardContributors({
      ctx: await ctxFor(null),
      community: community.slug,
      board: board.slug,
    });
    expect(result.experts.map((e) => [e.id, e.role])).toEqual([[expert.memberId, 'expert']]);
    expect(result.experts.map((e) => e.id)).not.toContain(suspendedExpert);
    const top = result.topContributors.map((c) => [c.id, c.solutions, c.kudos]);
    expect(top.slice(0, 3)).toEqual([
      [other.memberId, 2, 0],
      [expert.memberId, 1, 2],
      [people[0], 0, 3],
    ]);
    // Then two of the four members with one kudos each (ties by pseudonym), and no one else.
    expect(top).toHaveLength(5);
    for (const [id, solutions, kudos] of top.slice(3)) {
      expect(people.slice(1)).toContain(id);
      expect([solutions, kudos]).toEqual([0, 1]);
    }
    expect(Object.keys(result.topContributors[0]).sort()).toEqual([
      'id',
      'kudos',
      'pseudonym',
      'role',
      'solutions',
    ]);
  });

  it('is empty for a quiet board of a community without experts', async () => {
    const { community } = await supportCommunity();
    const board = await seedBoard(community.id);
    const { kernel } = await testApp();
    await kernel.db
      .updateTable('memberships')
      .set({ role: 'member' })
      .where('community_id', '=', community.id)
      .where('role', '=', 'expert')
      .execute();
    expect(
      await listBoardContributors({ ctx: await ctxFor(null), community: community.id, board: board.id }),
    ).toEqual({ experts: [], topContributors: [] });
  });
});
