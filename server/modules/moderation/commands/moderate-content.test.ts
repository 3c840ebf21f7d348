import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditRowsOf,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import {
  seedReply,
  seedTopic,
  supportCommunity,
  topicRow,
  updateTopicRow,
} from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { mergeTopic } from '../../support/commands/merge-topic.ts';
import { flagContent } from './flag-content.ts';
import { moderateContent } from './moderate-content.ts';

/**
 * A public community with a solved question by `member`: a published solution by `other`, a published
 * reply by `expert` and a pending reply by `other` (the topic counts its two published replies).
 */
async function withPosts() {
  const fixture = await supportCommunity();
  const topic = await seedTopic(fixture.board, fixture.member.memberId);
  const solution = await seedReply(topic, fixture.other.memberId, { is_solution: true });
  const reply = await seedReply(topic, fixture.expert.memberId);
  const pending = await seedReply(topic, fixture.other.memberId, { status: 'pending' });
  await updateTopicRow(topic.id, {
    replies_count: 2,
    solved: true,
    last_activity_at: new Date('2020-01-01T00:00:00Z'),
  });
  return { ...fixture, topic, solution, reply, pending };
}

async function statusOf(table: 'topics' | 'replies', id: string) {
  const { kernel } = await testApp();
  const row = await kernel.db
    .selectFrom(table)
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.status;
}

async function flagStatesOf(targetId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('flags')
    .select(['status', 'resolution'])
    .where('target_id', '=', targetId)
    .orderBy('id')
    .execute();
}

// Start the worker's kernel (and its migrations) under the hook timeout, not the first test's.
beforeAll(async () => {
  await testApp();
});

describe('moderateContent', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, reply, moderator } = await withPosts();
    const ctx = await ctxFor(moderator.user);
    const ok = { targetType: 'reply', targetId: reply.id, action: 'hide' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ok, targetType: 'board' }, '/targetType'],
      [{ ...ok, targetId: 'nope' }, '/targetId'],
      [{ ...ok, action: 'ban' }, '/action'],
      [{ targetType: 'reply', targetId: reply.id }, '/action'],
      [{ ...ok, note: 'x'.repeat(501) }, '/note'],
      [{ ...ok, force: true }, '/force'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(
        moderateContent({ ctx, community: community.id, input }),
        'validation_failed',
        path,
      );
    }
    expect(await statusOf('replies', reply.id)).toBe('published');
    expect(await auditRowsOf(community.id)).toEqual([]);
  });

  it('reports unknown posts, mistyped ones and another community’s posts as not found', async () => {
    const { community, topic, reply, moderator } = await withPosts();
    const foreign = await withPosts();
    const ctx = await ctxFor(moderator.user);
    const targets: ['topic' | 'reply', string][] = [
      ['topic', newId()],
      ['reply', newId()],
      ['topic', reply.id],
      ['reply', topic.id],
      ['topic', foreign.topic.id],
      ['reply', foreign.reply.id],
    ];
    for (const [targetType, targetId] of targets) {
      await expectAppError(
        moderateContent({ ctx, community: community.id, input: { targetType, targetId, action: 'hide' } }),
        'not_found',
      );
    }
    // Another community's moderator naming this community's posts through their own community.
    await expectAppError(
      moderateContent({
        ctx: await ctxFor(foreign.moderator.user),
        community: foreign.community.slug,
        input: { targetType: 'reply', targetId: reply.id, action: 'hide' },
      }),
      'not_found',
    );
    await expectAppError(
      moderateContent({
        ctx,
        community: newId(),
        input: { targetType: 'topic', targetId: topic.id, action: 'hide' },
      }),
      'not_found',
    );
    expect(await statusOf('replies', foreign.reply.id)).toBe('published');
    expect(await auditRowsOf(community.id)).toEqual([]);
    expect(await auditRowsOf(foreign.community.id)).toEqual([]);
  });

  it('asks anonymous visitors to sign in and refuses members, experts, observers and other communities’ moderators', async () => {
    const { community, reply, member, expert, observer } = await withPosts();
    const foreign = await withPosts();
    const input = { targetType: 'reply', targetId: reply.id, action: 'hide' };
    await expectAppError(
      moderateContent({ ctx: await ctxFor(null), community: community.id, input }),
      'unauthenticated',
    );
    for (const user of [await plainUser(), member.user, expert.user, observer.user, foreign.moderator.user]) {
      await expectAppError(
        moderateContent({ ctx: await ctxFor(user), community: community.id, input }),
        'forbidden',
      );
    }
    expect(await statusOf('replies', reply.id)).toBe('published');
    expect(await outboxEventsOf(community.id)).toEqual([]);
    expect(await auditRowsOf(community.id)).toEqual([]);
  });

  it('approves a pending reply: counts it, bumps the topic, audits and emits content.approved', async () => {
    const { community, topic, pending, other, moderator } = await withPosts();
    const item = await moderateContent({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      input: { targetType: 'reply', targetId: pending.id, action: 'approve', note: 'Fine' },
    });
    expect(item).toMatchObject({
      targetType: 'reply',
      id: pending.id,
      status: 'published',
      topic: { id: topic.id, title: topic.title, status: 'published' },
      author: { id: other.memberId },
      flagsCount: 0,
      actions: ['hide', 'delete'],
    });
    const after = await topicRow(topic.id);
    expect(after.replies_count).toBe(3);
    expect(after.last_activity_at.getTime()).toBeGreaterThan(new Date('2020-01-01T00:00:00Z').getTime());
    expect(await auditRowsOf(community.id)).toEqual([
      {
        action: 'content.approve',
        actor_user_id: moderator.user.userId,
        target_type: 'reply',
        target_id: pending.id,
        data: { from: 'pending', to: 'published', resolvedFlags: 0, note: 'Fine' },
      },
    ]);
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'content.approved',
        actor: moderator.user.userId,
        payload: {
          communityId: community.id,
          targetType: 'reply',
          targetId: pending.id,
          topicId: topic.id,
          authorId: other.memberId,
          action: 'approve',
          previousStatus: 'pending',
          status: 'published',
          resolvedFlags: 0,
        },
      },
    ]);
  });

  it('hides a flagged solution (the topic is no longer solved), resolves its flags, then restores it', async () => {
    const { community, topic, solution, member, expert, moderator } = await withPosts();
    for (const user of [member.user, expert.user]) {
      await flagContent({
        ctx: await ctxFor(user),
        community: community.id,
        input: { targetType: 'reply', targetId: solution.id, reason: 'offensive' },
      });
    }
    const ctx = await ctxFor(moderator.user);
    const hidden = await moderateContent({
      ctx,
      community: community.id,
      input: { targetType: 'reply', targetId: solution.id, action: 'hide' },
    });
    expect(hidden).toMatchObject({ status: 'hidden', flagsCount: 0, actions: ['delete', 'restore'] });
    expect(await topicRow(topic.id)).toMatchObject({ replies_count: 1, solved: false });
    expect(await flagStatesOf(solution.id)).toEqual([
      { status: 'resolved', resolution: 'hide' },
      { status: 'resolved', resolution: 'hide' },
    ]);
    await moderateContent({
      ctx,
      community: community.id,
      input: { targetType: 'reply', targetId: solution.id, action: 'restore' },
    });
    expect(await statusOf('replies', solution.id)).toBe('published');
    expect(await topicRow(topic.id)).toMatchObject({ replies_count: 2, solved: true });
    expect((await outboxEventsOf(community.id)).map((e) => [e.type, e.payload.resolvedFlags])).toEqual([
      ['content.flagged', undefined],
      ['content.flagged', undefined],
      ['content.hidden', 2],
      ['content.restored', 0],
    ]);
    expect((await auditRowsOf(community.id)).map((r) => [r.action, r.data])).toEqual([
      ['content.hide', { from: 'published', to: 'hidden', resolvedFlags: 2, note: null }],
      ['content.restore', { from: 'hidden', to: 'published', resolvedFlags: 0, note: null }],
    ]);
  });

  it('keeps a flagged post with approve (dismissing its flags), deletes and restores a topic', async () => {
    const { community, topic, reply, member, moderator } = await withPosts();
    await flagContent({
      ctx: await ctxFor(member.user),
      community: community.id,
      input: { targetType: 'reply', targetId: reply.id, reason: 'spam' },
    });
    const ctx = await ctxFor(moderator.user);
    const kept = await moderateContent({
      ctx,
      community: community.id,
      input: { targetType: 'reply', targetId: reply.id, action: 'approve' },
    });
    expect(kept).toMatchObject({ status: 'published', flagsCount: 0 });
    expect(await flagStatesOf(reply.id)).toEqual([{ status: 'resolved', resolution: 'approve' }]);
    expect(await topicRow(topic.id)).toMatchObject({ replies_count: 2 });
    await moderateContent({
      ctx,
      community: community.id,
      input: { targetType: 'topic', targetId: topic.id, action: 'delete' },
    });
    expect(await statusOf('topics', topic.id)).toBe('deleted');
    await moderateContent({
      ctx,
      community: community.id,
      input: { targetType: 'topic', targetId: topic.id, action: 'restore' },
    });
    expect(await statusOf('topics', topic.id)).toBe('published');
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([
      'content.flagged',
      'content.approved',
      'content.deleted',
      'content.restored',
    ]);
  });

  it('refuses actions that do not apply to the post’s status with conflict, changing nothing', async () => {
    const { community, topic, reply, pending, moderator } = await withPosts();
    const ctx = await ctxFor(moderator.user);
    const cases: ['topic' | 'reply', string, string][] = [
      ['reply', reply.id, 'approve'],
      ['reply', reply.id, 'restore'],
      ['reply', pending.id, 'restore'],
      ['topic', topic.id, 'approve'],
    ];
    for (const [targetType, targetId, action] of cases) {
      await expectAppError(
        moderateContent({ ctx, community: community.id, input: { targetType, targetId, action } }),
        'conflict',
      );
    }
    expect(await statusOf('replies', pending.id)).toBe('pending');
    expect(await auditRowsOf(community.id)).toEqual([]);
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('refuses to restore a topic merged into another (its replies live there now)', async () => {
    const { community, board, topic, member, moderator } = await withPosts();
    const target = await seedTopic(board, member.memberId);
    const ctx = await ctxFor(moderator.user);
    await mergeTopic({
      ctx,
      community: community.slug,
      topicId: topic.id,
      input: { targetTopicId: target.id },
    });
    const before = (await auditRowsOf(community.id)).length;
    await expectAppError(
      moderateContent({
        ctx,
        community: community.id,
        input: { targetType: 'topic', targetId: topic.id, action: 'restore' },
      }),
      'conflict',
    );
    expect(await statusOf('topics', topic.id)).toBe('deleted');
    expect((await topicRow(topic.id)).merged_into_id).toBe(target.id);
    expect(await auditRowsOf(community.id)).toHaveLength(before);
  });

  it('lets a platform admin who is not a member moderate, and an admin hide a pending topic', async () => {
    const { community, board, reply, admin, other } = await withPosts();
    const platformAdmin = await plainUser({ platformAdmin: true });
    await moderateContent({
      ctx: await ctxFor(platformAdmin),
      community: community.id,
      input: { targetType: 'reply', targetId: reply.id, action: 'delete' },
    });
    expect(await statusOf('replies', reply.id)).toBe('deleted');
    const waiting = await seedTopic(board, other.memberId, { status: 'pending' });
    await moderateContent({
      ctx: await ctxFor(admin.user),
      community: community.id,
      input: { targetType: 'topic', targetId: waiting.id, action: 'hide' },
    });
    expect(await statusOf('topics', waiting.id)).toBe('hidden');
    expect((await auditRowsOf(community.id)).map((r) => [r.action, r.actor_user_id])).toEqual([
      ['content.delete', platformAdmin.userId],
      ['content.hide', admin.user.userId],
    ]);
  });
});
