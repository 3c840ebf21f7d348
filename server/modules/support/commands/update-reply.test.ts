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
  seedBoard,
  seedReply,
  seedTopic,
  supportCommunity,
  updateTopicRow,
} from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { updateReply } from './update-reply.ts';

/** A public community with a question by `member` and a reply to it by `other`. */
async function withReply() {
  const fixture = await supportCommunity();
  const topic = await seedTopic(fixture.board, fixture.member.memberId, { replies_count: 1 });
  const reply = await seedReply(topic, fixture.other.memberId, { body: 'Hold the button **ten** seconds.' });
  return { ...fixture, topic, reply };
}

async function replyRow(replyId: string) {
  const { kernel } = await testApp();
  return kernel.db.selectFrom('replies').selectAll().where('id', '=', replyId).executeTakeFirstOrThrow();
}

async function revisionsOf(replyId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('post_revisions')
    .selectAll()
    .where('target_type', '=', 'reply')
    .where('target_id', '=', replyId)
    .execute();
}

// The kernel migrates once per file: start it before the first test's clock runs.
beforeAll(async () => {
  await testApp();
});

describe('updateReply', () => {
  it('rejects bad input with the field paths and changes nothing', async () => {
    const { community, other, reply } = await withReply();
    const ctx = await ctxFor(other.user);
    const cases: [unknown, string][] = [
      [{}, '/body'],
      [{ body: '' }, '/body'],
      [{ body: '   \n  ' }, '/body'],
      [{ body: 'x'.repeat(1024 * 1024) }, '/body'],
      [{ body: 42 }, '/body'],
      [{ body: 'Fine', inReplyToId: newId() }, '/inReplyToId'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(
        updateReply({ ctx, community: community.slug, replyId: reply.id, input }),
        'validation_failed',
        path,
      );
    }
    expect(await replyRow(reply.id)).toMatchObject({ body: reply.body, edited_at: null });
    expect(await revisionsOf(reply.id)).toEqual([]);
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown, foreign, unreadable replies and, to members, pending or deleted ones as not found', async () => {
    const { community, topic, other, moderator } = await withReply();
    const foreign = await withReply();
    const pending = await seedReply(topic, other.memberId, { status: 'pending' });
    const deleted = await seedReply(topic, other.memberId, { status: 'deleted' });
    const staffTopic = await seedTopic(
      await seedBoard(community.id, { visibility: 'staff' }),
      moderator.memberId,
    );
    const staffReply = await seedReply(staffTopic, other.memberId);
    const ctx = await ctxFor(other.user);
    const input = { body: 'Changed' };
    for (const replyId of [
      'nope',
      newId(),
      foreign.reply.id,
      pending.id,
      deleted.id,
      staffReply.id,
      topic.id,
    ]) {
      await expectAppError(updateReply({ ctx, community: community.slug, replyId, input }), 'not_found');
    }
    // Staff see the deleted reply but cannot edit it any more.
    const error = await expectAppError(
      updateReply({
        ctx: await ctxFor(moderator.user),
        community: community.slug,
        replyId: deleted.id,
        input,
      }),
      'conflict',
    );
    expect(error.messageKey).toBe('support.edit.deletedPost');
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('lets only the author (topic open) or staff edit', async () => {
    const { community, member, expert, observer, other, reply } = await withReply();
    const input = { body: 'Not yours to change' };
    await expectAppError(
      updateReply({ ctx: await ctxFor(null), community: community.slug, replyId: reply.id, input }),
      'unauthenticated',
    );
    for (const user of [member.user, expert.user, observer.user, await plainUser()]) {
      await expectAppError(
        updateReply({ ctx: await ctxFor(user), community: community.slug, replyId: reply.id, input }),
        'forbidden',
      );
    }
    await updateTopicRow(reply.topic_id, { locked: true });
    const locked = await expectAppError(
      updateReply({ ctx: await ctxFor(other.user), community: community.slug, replyId: reply.id, input }),
      'forbidden',
    );
    expect(locked.messageKey).toBe('support.edit.lockedTopic');
    expect((await replyRow(reply.id)).body).toBe(reply.body);
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('lets the author edit: previous version kept, rendered again, shown as edited', async () => {
    const { community, topic, other, reply } = await withReply();
    const result = await updateReply({
      ctx: await ctxFor(other.user),
      community: community.slug,
      replyId: reply.id,
      input: { body: 'Hold the button *twenty* seconds.' },
    });
    expect(result.bodyHtml).toBe('<p>Hold the button <em>twenty</em> seconds.</p>\n');
    expect(result.editedAt).not.toBeNull();
    expect(result.abilities).toMatchObject({ edit: true, delete: true });
    expect(await revisionsOf(reply.id)).toMatchObject([
      { editor_id: other.memberId, title: null, body: 'Hold the button **ten** seconds.' },
    ]);
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'reply.updated',
        actor: other.user.userId,
        payload: {
          communityId: community.id,
          topicId: topic.id,
          replyId: reply.id,
          authorId: other.memberId,
        },
      },
    ]);
    expect(await auditRowsOf(community.id)).toEqual([]);
    // An unchanged body records nothing.
    await updateReply({
      ctx: await ctxFor(other.user),
      community: community.slug,
      replyId: reply.id,
      input: { body: 'Hold the button *twenty* seconds.' },
    });
    expect(await revisionsOf(reply.id)).toHaveLength(1);
    expect(await outboxEventsOf(community.id)).toHaveLength(1);
  });

  it('lets staff edit someone else’s reply, even in a locked topic, and audits it', async () => {
    const { community, moderator, reply } = await withReply();
    await updateTopicRow(reply.topic_id, { locked: true });
    await updateReply({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      replyId: reply.id,
      input: { body: 'Removed a phone number.' },
    });
    expect((await replyRow(reply.id)).body).toBe('Removed a phone number.');
    expect(await auditRowsOf(community.id)).toMatchObject([
      {
        action: 'reply.edit',
        actor_user_id: moderator.user.userId,
        target_type: 'reply',
        target_id: reply.id,
      },
    ]);
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual(['reply.updated']);
  });
});
