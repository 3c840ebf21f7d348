import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedBoard, seedReply, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { listRevisions } from './list-revisions.ts';
import { updateReply } from './update-reply.ts';
import { updateTopic } from './update-topic.ts';

/** A public community with a question by `member` edited twice (by its author, then a moderator). */
async function withHistory() {
  const fixture = await supportCommunity();
  const topic = await seedTopic(fixture.board, fixture.member.memberId, {
    title: 'First title here',
    body: 'Line one\nLine two',
  });
  const reply = await seedReply(topic, fixture.other.memberId, { body: 'Original reply' });
  const community = fixture.community.slug;
  await updateTopic({
    ctx: await ctxFor(fixture.member.user),
    community,
    topicId: topic.id,
    input: { title: 'Second title here' },
  });
  await updateTopic({
    ctx: await ctxFor(fixture.moderator.user),
    community,
    topicId: topic.id,
    input: { body: 'Line one\nLine 2' },
  });
  return { ...fixture, topic, reply };
}

// The kernel migrates once per file: start it before the first test's clock runs.
beforeAll(async () => {
  await testApp();
});

describe('listRevisions', () => {
  it('reports unknown, foreign and unreadable posts as not found', async () => {
    const { community, member, topic } = await withHistory();
    const foreign = await withHistory();
    const staffTopic = await seedTopic(
      await seedBoard(community.id, { visibility: 'staff' }),
      member.memberId,
    );
    const pending = await seedReply(topic, member.memberId, { status: 'pending' });
    const targets = [
      { type: 'topic' as const, id: 'x' },
      { type: 'topic' as const, id: newId() },
      { type: 'topic' as const, id: foreign.topic.id },
      { type: 'topic' as const, id: staffTopic.id },
      { type: 'reply' as const, id: foreign.reply.id },
      { type: 'reply' as const, id: pending.id },
      { type: 'reply' as const, id: topic.id },
    ];
    for (const target of targets) {
      await expectAppError(
        listRevisions({ ctx: await ctxFor(member.user), community: community.slug, target }),
        'not_found',
      );
    }
  });

  it('hides the history of a private community from outsiders', async () => {
    const fixture = await supportCommunity({ visibility: 'private' });
    const topic = await seedTopic(fixture.board, fixture.member.memberId);
    for (const ctx of [await ctxFor(null), await ctxFor(await plainUser())]) {
      await expectAppError(
        listRevisions({ ctx, community: fixture.community.slug, target: { type: 'topic', id: topic.id } }),
        'not_found',
      );
    }
  });

  it('shows anyone who reads the post who changed what and when, newest first', async () => {
    const { community, member, moderator, other, topic, reply } = await withHistory();
    const { items } = await listRevisions({
      ctx: await ctxFor(null),
      community: community.slug,
      target: { type: 'topic', id: topic.id },
    });
    expect(items).toMatchObject([
      {
        editor: { id: moderator.memberId, role: 'moderator' },
        changed: ['body'],
        before: { title: 'Second title here', body: 'Line one\nLine two' },
        after: { title: 'Second title here', body: 'Line one\nLine 2' },
      },
      {
        editor: { id: member.memberId, role: 'member' },
        changed: ['title'],
        before: { title: 'First title here', body: 'Line one\nLine two' },
        after: { title: 'Second title here', body: 'Line one\nLine two' },
      },
    ]);
    expect(Date.parse(items[0].editedAt)).toBeGreaterThanOrEqual(Date.parse(items[1].editedAt));

    await updateReply({
      ctx: await ctxFor(other.user),
      community: community.slug,
      replyId: reply.id,
      input: { body: 'Better reply' },
    });
    const replyHistory = await listRevisions({
      ctx: await ctxFor(member.user),
      community: community.slug,
      target: { type: 'reply', id: reply.id },
    });
    expect(replyHistory.items).toMatchObject([
      {
        editor: { id: other.memberId },
        changed: ['body'],
        before: { title: null, body: 'Original reply' },
        after: { title: null, body: 'Better reply' },
      },
    ]);
    const untouched = await seedReply(topic, other.memberId);
    expect(
      await listRevisions({
        ctx: await ctxFor(null),
        community: community.slug,
        target: { type: 'reply', id: untouched.id },
      }),
    ).toEqual({ items: [] });
  });
});
