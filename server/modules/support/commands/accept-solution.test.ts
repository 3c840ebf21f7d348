import { describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, outboxEventsOf, plainUser, testApp } from '../../../../test/helpers.ts';
import {
  seedBoard,
  seedReply,
  seedTopic,
  supportCommunity,
  topicRow,
} from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { updateRanks } from '../../rewards/commands/update-ranks.ts';
import { acceptSolution } from './accept-solution.ts';

/** A public community with a question asked by `member` and two replies by `other` and `expert`. */
async function withReplies() {
  const fixture = await supportCommunity();
  const topic = await seedTopic(fixture.board, fixture.member.memberId, { replies_count: 2 });
  const first = await seedReply(topic, fixture.other.memberId, { created_at: '2024-01-01T00:00:00Z' });
  const second = await seedReply(topic, fixture.expert.memberId, { created_at: '2024-01-02T00:00:00Z' });
  return { ...fixture, topic, first, second };
}

describe('acceptSolution', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, member, first } = await withReplies();
    const ctx = await ctxFor(member.user);
    const cases: [unknown, string][] = [
      [{}, '/accepted'],
      [{ accepted: 'yes' }, '/accepted'],
      [{ accepted: 1 }, '/accepted'],
      [{ accepted: true, replyId: first.id }, '/replyId'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(
        acceptSolution({ ctx, community: community.id, replyId: first.id, input }),
        'validation_failed',
        path,
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown, foreign, pending and unreadable replies as not found', async () => {
    const { community, member, moderator, topic, other } = await withReplies();
    const foreign = await withReplies();
    const pending = await seedReply(topic, other.memberId, { status: 'pending' });
    const staffTopic = await seedTopic(
      await seedBoard(community.id, { visibility: 'staff' }),
      member.memberId,
    );
    const staffReply = await seedReply(staffTopic, moderator.memberId);
    const ctx = await ctxFor(member.user);
    const input = { accepted: true };
    for (const replyId of ['not-a-uuid', newId(), foreign.first.id, pending.id, staffReply.id, topic.id]) {
      await expectAppError(acceptSolution({ ctx, community: community.id, replyId, input }), 'not_found');
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('lets neither anonymous visitors nor members other than the asker accept, nor anyone on a discussion', async () => {
    const { community, board, member, other, expert, observer, first } = await withReplies();
    const input = { accepted: true };
    await expectAppError(
      acceptSolution({ ctx: await ctxFor(null), community: community.id, replyId: first.id, input }),
      'unauthenticated',
    );
    for (const user of [other.user, expert.user, observer.user, await plainUser()]) {
      await expectAppError(
        acceptSolution({ ctx: await ctxFor(user), community: community.id, replyId: first.id, input }),
        'forbidden',
      );
    }
    const discussion = await seedTopic(board, member.memberId, { kind: 'discussion' });
    const reply = await seedReply(discussion, other.memberId);
    await expectAppError(
      acceptSolution({ ctx: await ctxFor(member.user), community: community.id, replyId: reply.id, input }),
      'forbidden',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
    expect((await topicRow(first.topic_id)).solved).toBe(false);
  });

  it('refuses an asker who has since been suspended', async () => {
    const { community, member, first } = await withReplies();
    const { kernel } = await testApp();
    await kernel.db
      .updateTable('memberships')
      .set({ status: 'suspended' })
      .where('id', '=', member.memberId)
      .execute();
    await expectAppError(
      acceptSolution({
        ctx: await ctxFor(member.user),
        community: community.id,
        replyId: first.id,
        input: { accepted: true },
      }),
      'forbidden',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('lets the asker accept two solutions, listed first, and undo them one by one', async () => {
    const { community, member, other, expert, topic, first, second } = await withReplies();
    const ctx = await ctxFor(member.user);
    const accept = (replyId: string, accepted: boolean) =>
      acceptSolution({ ctx, community: community.id, replyId, input: { accepted } });

    let seen = await accept(second.id, true);
    expect(seen.solved).toBe(true);
    expect(seen.solutions.map((r) => r.id)).toEqual([second.id]);
    seen = await accept(first.id, true);
    expect(seen.solved).toBe(true);
    expect(seen.solutions.map((r) => r.id)).toEqual([first.id, second.id]);
    expect(seen.replies.map((r) => [r.id, r.isSolution])).toEqual([
      [first.id, true],
      [second.id, true],
    ]);
    expect((await topicRow(topic.id)).solved).toBe(true);

    // Accepting again changes nothing and emits nothing.
    await accept(first.id, true);
    seen = await accept(second.id, false);
    expect(seen.solved).toBe(true);
    expect(seen.solutions.map((r) => r.id)).toEqual([first.id]);
    seen = await accept(first.id, false);
    expect(seen.solved).toBe(false);
    expect(seen.solutions).toEqual([]);
    expect((await topicRow(topic.id)).solved).toBe(false);
    await accept(first.id, false);

    const payload = (reply: typeof first, author: string) => ({
      communityId: community.id,
      topicId: topic.id,
      replyId: reply.id,
      replyAuthorId: author,
      topicAuthorId: member.memberId,
    });
    expect(await outboxEventsOf(community.id)).toEqual([
      { type: 'solution.accepted', payload: payload(second, expert.memberId), actor: member.user.userId },
      { type: 'solution.accepted', payload: payload(first, other.memberId), actor: member.user.userId },
      { type: 'solution.unaccepted', payload: payload(second, expert.memberId), actor: member.user.userId },
      { type: 'solution.unaccepted', payload: payload(first, other.memberId), actor: member.user.userId },
    ]);
  });

  it('lets staff accept a solution on someone else’s question', async () => {
    const { community, first, moderator, admin, topic } = await withReplies();
    const seen = await acceptSolution({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      replyId: first.id,
      input: { accepted: true },
    });
    expect(seen).toMatchObject({ id: topic.id, solved: true });
    const platformAdmin = await plainUser({ platformAdmin: true });
    for (const user of [admin.user, platformAdmin]) {
      await acceptSolution({
        ctx: await ctxFor(user),
        community: community.id,
        replyId: first.id,
        input: { accepted: false },
      });
      await acceptSolution({
        ctx: await ctxFor(user),
        community: community.id,
        replyId: first.id,
        input: { accepted: true },
      });
    }
    expect((await outboxEventsOf(community.id)).map((e) => [e.type, e.actor])).toEqual([
      ['solution.accepted', moderator.user.userId],
      ['solution.unaccepted', admin.user.userId],
      ['solution.accepted', admin.user.userId],
      ['solution.unaccepted', platformAdmin.userId],
      ['solution.accepted', platformAdmin.userId],
    ]);
  });

  it('lets a member whose rank grants it mark solutions on any question, and no longer once it is taken away', async () => {
    const { community, admin, expert, observer, first, topic } = await withReplies();
    const zero = { minPoints: 0, minSolutions: 0, minKudos: 0, minTenureDays: 0, skipsPremoderation: false };
    const setRanks = (marksAnySolution: boolean) =>
      updateRanks({
        ctx: adminCtx,
        community: community.id,
        input: {
          ranks: [
            { ...zero, name: 'Everyone', marksAnySolution },
            { ...zero, name: 'Veteran', minPoints: 10, marksAnySolution: true },
          ],
        },
      });
    const adminCtx = await ctxFor(admin.user);
    const accept = async (user: typeof expert.user, accepted: boolean) =>
      acceptSolution({
        ctx: await ctxFor(user),
        community: community.id,
        replyId: first.id,
        input: { accepted },
      });
    await setRanks(false);
    await expectAppError(accept(expert.user, true), 'forbidden');
    await setRanks(true);
    const seen = await accept(expert.user, true);
    expect(seen).toMatchObject({ id: topic.id, solved: true });
    expect(seen.replies.find((r) => r.id === first.id)?.abilities.acceptSolution).toBe(true);
    // Observers never act on posts, whatever their rank.
    await expectAppError(accept(observer.user, false), 'forbidden');
    await setRanks(false);
    await expectAppError(accept(expert.user, false), 'forbidden');
    expect((await outboxEventsOf(community.id)).filter((e) => e.type.startsWith('solution.'))).toEqual([
      {
        type: 'solution.accepted',
        actor: expert.user.userId,
        payload: {
          communityId: community.id,
          topicId: topic.id,
          replyId: first.id,
          replyAuthorId: first.author_id,
          topicAuthorId: topic.author_id,
        },
      },
    ]);
  });
});
