import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, testApp } from '../../../../test/helpers.ts';
import { seedBoard, seedReply, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { transact } from '../../../platform/kernel.ts';
import { ModerationEvents } from '../../moderation/moderation.events.ts';
import { pseudonymKey } from '../../members/pseudonym.ts';
import { acceptSolution } from '../../support/commands/accept-solution.ts';
import { createReply } from '../../support/commands/create-reply.ts';
import { createTopic } from '../../support/commands/create-topic.ts';
import { followBoard } from '../commands/follow-board.ts';
import { followTopic } from '../commands/follow-topic.ts';
import { unsubscribe } from '../commands/unsubscribe.ts';
import { MAX_MENTIONS, mentionedKeys } from '../mentions.ts';
import { onPostPublished } from './on-post-published.ts';

async function settle() {
  const { kernel } = await testApp();
  await kernel.dispatcher.kick();
}

async function notificationsOf(memberId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('notifications')
    .selectAll()
    .where('recipient_id', '=', memberId)
    .orderBy('created_at')
    .execute();
}

async function mailsTo(email: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('mail_messages')
    .selectAll()
    .where('to_address', '=', email)
    .orderBy('id')
    .execute();
}

async function follows(memberId: string, targetId: string) {
  const { kernel } = await testApp();
  const row = await kernel.db
    .selectFrom('follows')
    .select('following')
    .where('member_id', '=', memberId)
    .where('target_id', '=', targetId)
    .executeTakeFirst();
  return row?.following ?? null;
}

async function rename(memberId: string, pseudonym: string) {
  const { kernel } = await testApp();
  await kernel.db
    .updateTable('memberships')
    .set({ pseudonym, pseudonym_key: pseudonymKey(pseudonym) })
    .where('id', '=', memberId)
    .execute();
}

const reply = (text = 'Hold the reset button for ten seconds.') => ({ body: text });

// The shared app (migrated PGlite) is built once, within the hook's longer timeout.
beforeAll(async () => {
  await testApp();
});

describe('mention parsing', () => {
  it('finds @pseudonyms outside code, folds case and accents, keeps order, drops repeats and caps the list', () => {
    expect(
      mentionedKeys('Hi @Éloïse and @bob_2, also @ELOISE. Mail a@b.test `@code`\n```\n@fenced\n```'),
    ).toEqual([['eloise'], ['bob_2']]);
    expect(mentionedKeys('Thanks @alice.')).toEqual([['alice.', 'alice']]);
    expect(mentionedKeys('@ab is too short, @x')).toEqual([]);
    const many = Array.from({ length: 15 }, (_, i) => `@member${i}`).join(' ');
    expect(mentionedKeys(many)).toHaveLength(MAX_MENTIONS);
  });
});

describe('notifications of published posts', () => {
  it('notifies the asker and followers of a reply, in app and by email with one-click unsubscribe headers; the replier follows and hears nothing of their own', async () => {
    const { community, board, member, other, expert } = await supportCommunity();
    const topic = await seedTopic(board, member.memberId, { title: 'Router keeps rebooting' });
    await followTopic({
      ctx: await ctxFor(expert.user),
      community: community.id,
      topicId: topic.id,
      input: { following: true },
    });
    const created = await createReply({
      ctx: await ctxFor(other.user),
      community: community.id,
      topicId: topic.id,
      input: reply(),
    });
    await settle();

    for (const person of [member, expert]) {
      const [notification, ...more] = await notificationsOf(person.memberId);
      expect(more).toEqual([]);
      expect(notification).toMatchObject({
        kind: 'reply',
        topic_id: topic.id,
        reply_id: created.id,
        read_at: null,
      });
      const mails = await mailsTo(person.user.email);
      expect(mails).toHaveLength(1);
      expect(mails[0].kind).toBe('notification.reply');
      expect(mails[0].subject).toBe('Nouvelle réponse dans « Router keeps rebooting »');
      expect(mails[0].text_body).toContain(`/c/${community.slug}/t/${topic.id}#reply-${created.id}`);
      expect(mails[0].headers['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:3000\/unsubscribe\/[^>]+>$/);
      expect(mails[0].headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(mails[0].text_body).toContain(mails[0].headers['List-Unsubscribe'].slice(1, -1));
    }
    expect(await notificationsOf(other.memberId)).toEqual([]);
    expect(await mailsTo(other.user.email)).toEqual([]);
    expect(await follows(other.memberId, topic.id)).toBe(true);
    expect(await follows(member.memberId, topic.id)).toBe(true);
  });

  it('writes emails in the recipient’s language, and never notifies someone who can no longer read the topic', async () => {
    const { kernel } = await testApp();
    const { community, board, member, other, expert } = await supportCommunity();
    await kernel.db
      .updateTable('auth_user')
      .set({ locale: 'en' })
      .where('id', '=', member.user.userId)
      .execute();
    const topic = await seedTopic(board, member.memberId, { title: 'Router keeps rebooting' });
    await followTopic({
      ctx: await ctxFor(expert.user),
      community: community.id,
      topicId: topic.id,
      input: { following: true },
    });
    await kernel.db
      .updateTable('memberships')
      .set({ status: 'suspended' })
      .where('id', '=', expert.memberId)
      .execute();
    await createReply({
      ctx: await ctxFor(other.user),
      community: community.id,
      topicId: topic.id,
      input: reply(),
    });
    await settle();
    expect((await mailsTo(member.user.email)).map((m) => m.subject)).toEqual([
      'New reply in “Router keeps rebooting”',
    ]);
    expect(await notificationsOf(expert.memberId)).toEqual([]);
  });

  it('keeps an explicit unfollow: the asker who unfollowed hears nothing of later replies', async () => {
    const { community, board, member, other } = await supportCommunity();
    const topic = await seedTopic(board, member.memberId);
    await followTopic({
      ctx: await ctxFor(member.user),
      community: community.id,
      topicId: topic.id,
      input: { following: false },
    });
    await createReply({
      ctx: await ctxFor(other.user),
      community: community.id,
      topicId: topic.id,
      input: reply(),
    });
    await settle();
    expect(await notificationsOf(member.memberId)).toEqual([]);
    expect(await follows(member.memberId, topic.id)).toBe(false);
  });

  it('notifies mentioned members once (a mention wins over following), never the author mentioning themselves', async () => {
    const { community, board, member, other, expert, moderator } = await supportCommunity();
    const topic = await seedTopic(board, member.memberId);
    await rename(expert.memberId, `Éloïse${expert.memberId.slice(-4)}`);
    await rename(other.memberId, `Otto${other.memberId.slice(-4)}`);
    const text = `@eloise${expert.memberId.slice(-4)} and @Otto${other.memberId.slice(-4)}: have a look, @nobody-here.`;
    await createReply({
      ctx: await ctxFor(other.user),
      community: community.id,
      topicId: topic.id,
      input: reply(text),
    });
    await settle();
    expect((await notificationsOf(expert.memberId)).map((n) => n.kind)).toEqual(['mention']);
    expect((await mailsTo(expert.user.email)).map((m) => m.kind)).toEqual(['notification.mention']);
    // The asker follows (reply) and is not mentioned; the author mentioned themselves.
    expect((await notificationsOf(member.memberId)).map((n) => n.kind)).toEqual(['reply']);
    expect(await notificationsOf(other.memberId)).toEqual([]);
    expect(await notificationsOf(moderator.memberId)).toEqual([]);

    // Mentioned and following: one notification, of kind mention.
    await rename(member.memberId, `Asker${member.memberId.slice(-4)}`);
    await createReply({
      ctx: await ctxFor(expert.user),
      community: community.id,
      topicId: topic.id,
      input: reply(`@asker${member.memberId.slice(-4)}, does this help?`),
    });
    await settle();
    expect((await notificationsOf(member.memberId)).map((n) => n.kind)).toEqual(['reply', 'mention']);
  });

  it('tells board followers about a new published topic, and pending posts only once approved', async () => {
    const { kernel } = await testApp();
    const { community, board, member, other, expert } = await supportCommunity();
    await followBoard({
      ctx: await ctxFor(expert.user),
      community: community.id,
      board: board.slug,
      input: { following: true },
    });
    const topic = await createTopic({
      ctx: await ctxFor(member.user),
      community: community.id,
      board: board.slug,
      input: { title: 'How do I pair the remote?', body: 'It blinks red.' },
    });
    await settle();
    expect((await notificationsOf(expert.memberId)).map((n) => [n.kind, n.topic_id])).toEqual([
      ['topic', topic.id],
    ]);
    expect(await follows(member.memberId, topic.id)).toBe(true);

    const moderated = await seedBoard(community.id, { slug: `mod-${board.slug}`, premoderation: true });
    const asked = await seedTopic(moderated, member.memberId);
    const pending = await createReply({
      ctx: await ctxFor(other.user),
      community: community.id,
      topicId: asked.id,
      input: reply(),
    });
    await settle();
    expect(pending.status).toBe('pending');
    expect((await notificationsOf(member.memberId)).filter((n) => n.topic_id === asked.id)).toEqual([]);

    await kernel.db
      .updateTable('replies')
      .set({ status: 'published' })
      .where('id', '=', pending.id)
      .execute();
    await transact(kernel, async (_trx, emit) => {
      await emit({
        type: ModerationEvents.contentApproved,
        communityId: community.id,
        actorUserId: null,
        payload: {
          communityId: community.id,
          targetType: 'reply',
          targetId: pending.id,
          topicId: asked.id,
          authorId: other.memberId,
          action: 'approve',
          previousStatus: 'pending',
          status: 'published',
          resolvedFlags: 0,
        },
      });
    });
    await settle();
    expect(
      (await notificationsOf(member.memberId)).filter((n) => n.topic_id === asked.id).map((n) => n.kind),
    ).toEqual(['reply']);
  });

  it('tells the asker and the reply’s author about an accepted solution, except whoever accepted it', async () => {
    const { community, board, member, other, moderator } = await supportCommunity();
    const topic = await seedTopic(board, member.memberId);
    const first = await seedReply(topic, other.memberId);
    const second = await seedReply(topic, other.memberId);
    await acceptSolution({
      ctx: await ctxFor(moderator.user),
      community: community.id,
      replyId: first.id,
      input: { accepted: true },
    });
    await acceptSolution({
      ctx: await ctxFor(member.user),
      community: community.id,
      replyId: second.id,
      input: { accepted: true },
    });
    await settle();
    expect((await notificationsOf(member.memberId)).map((n) => [n.kind, n.reply_id])).toEqual([
      ['solution', first.id],
    ]);
    expect((await notificationsOf(other.memberId)).map((n) => [n.kind, n.reply_id])).toEqual([
      ['solution', first.id],
      ['solution', second.id],
    ]);
    expect((await notificationsOf(other.memberId))[1].actor_pseudonym).not.toBeNull();
    expect(await notificationsOf(moderator.memberId)).toEqual([]);
    expect((await mailsTo(member.user.email)).map((m) => m.kind)).toEqual(['notification.solution']);
  });

  it('is idempotent: handling the same event twice writes one notification and one email per recipient', async () => {
    const { kernel } = await testApp();
    const { community, board, member, other } = await supportCommunity();
    const topic = await seedTopic(board, member.memberId);
    const created = await createReply({
      ctx: await ctxFor(other.user),
      community: community.id,
      topicId: topic.id,
      input: reply(),
    });
    await settle();
    const row = await kernel.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('community_id', '=', community.id)
      .where('type', '=', 'reply.created')
      .executeTakeFirstOrThrow();
    const event = {
      id: row.id,
      type: row.type,
      communityId: row.community_id,
      actorUserId: row.actor_user_id,
      payload: row.payload as Record<string, unknown>,
      createdAt: row.created_at,
    };
    await kernel.db.transaction().execute((trx) => onPostPublished(kernel, event, trx));
    await kernel.db.transaction().execute((trx) => onPostPublished(kernel, event, trx));
    expect((await notificationsOf(member.memberId)).map((n) => n.reply_id)).toEqual([created.id]);
    expect(await mailsTo(member.user.email)).toHaveLength(1);
  });

  it('stops the emails of one kind after a one-click unsubscribe, and keeps the in-app notification', async () => {
    const { community, board, member, other } = await supportCommunity();
    const topic = await seedTopic(board, member.memberId);
    await createReply({
      ctx: await ctxFor(other.user),
      community: community.id,
      topicId: topic.id,
      input: reply(),
    });
    await settle();
    const [mail] = await mailsTo(member.user.email);
    const token = /\/unsubscribe\/([^>]+)>/.exec(mail.headers['List-Unsubscribe'])![1];
    expect(await unsubscribe({ ctx: await ctxFor(null), input: { token } })).toEqual({
      kind: 'reply',
      email: false,
    });
    await createReply({
      ctx: await ctxFor(other.user),
      community: community.id,
      topicId: topic.id,
      input: reply('Another idea.'),
    });
    await settle();
    expect(await notificationsOf(member.memberId)).toHaveLength(2);
    expect(await mailsTo(member.user.email)).toHaveLength(1);
  });
});
