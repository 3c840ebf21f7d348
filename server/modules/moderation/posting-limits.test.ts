import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  signedInUser,
  testApp,
} from '../../../test/helpers.ts';
import { type Person, seedReply, seedTopic, supportCommunity } from '../../../test/support-fixtures.ts';
import { createReply } from '../support/commands/create-reply.ts';
import { createTopic } from '../support/commands/create-topic.ts';
import { getTopic } from '../support/commands/get-topic.ts';
import { listTopics } from '../support/commands/list-topics.ts';
import { upsertSupportSettings } from './moderation.repository.ts';
import { DEFAULT_SUPPORT_SETTINGS, type SupportSettings } from '../support/support-settings.ts';

const question = { title: 'How do I true a wheel?', body: 'It wobbles.' };
const secondsAgo = (s: number) => new Date(Date.now() - s * 1000);

async function configure(communityId: string, settings: Partial<SupportSettings>) {
  const { kernel } = await testApp();
  await upsertSupportSettings(kernel.db, communityId, { ...DEFAULT_SUPPORT_SETTINGS, ...settings });
}

async function setJoinedAt(memberId: string, joinedAt: Date) {
  const { kernel } = await testApp();
  await kernel.db
    .updateTable('memberships')
    .set({ joined_at: joinedAt })
    .where('id', '=', memberId)
    .execute();
}

/** A community with a published question to reply to (by `other`). */
async function withTopic() {
  const fixture = await supportCommunity();
  const topic = await seedTopic(fixture.board, fixture.other.memberId, { created_at: secondsAgo(7200) });
  return { ...fixture, topic };
}

async function post(community: string, person: Person, kind: 'topic' | 'reply', topicId: string) {
  const ctx = await ctxFor(person.user);
  return kind === 'topic'
    ? createTopic({ ctx, community, board: 'help', input: question })
    : createReply({ ctx, community, topicId, input: { body: 'Try this.' } });
}

// Start the worker's kernel (and its migrations) under the hook timeout, not the first test's.
beforeAll(async () => {
  await testApp();
});

describe('per-member posting limits', () => {
  it('refuses the sixth post in 30 seconds (topics and replies together) with rate_limited', async () => {
    const { community, member, topic } = await withTopic();
    for (const kind of ['topic', 'reply', 'topic', 'reply', 'reply'] as const) {
      await post(community.id, member, kind, topic.id);
    }
    for (const kind of ['topic', 'reply'] as const) {
      const error = (await expectAppError(
        post(community.id, member, kind, topic.id),
        'rate_limited',
      )) as unknown as {
        messageKey: string;
        retryAfter: number;
      };
      expect(error.messageKey).toBe('moderation.tooFast');
      expect(error.retryAfter).toBeGreaterThanOrEqual(1);
      expect(error.retryAfter).toBeLessThanOrEqual(30);
    }
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toHaveLength(5);
  });

  it('counts only posts inside the window, and each member separately', async () => {
    const { community, board, member, other, topic } = await withTopic();
    for (let i = 0; i < 5; i++) await seedTopic(board, member.memberId, { created_at: secondsAgo(45) });
    await post(community.id, member, 'reply', topic.id);
    for (let i = 0; i < 5; i++) await seedReply(topic, other.memberId);
    await expectAppError(post(community.id, other, 'reply', topic.id), 'rate_limited');
    await post(community.id, member, 'topic', topic.id);
  });

  it('exempts moderators and admins', async () => {
    const { community, moderator, admin, topic } = await withTopic();
    for (const person of [moderator, admin]) {
      for (let i = 0; i < 7; i++) await post(community.id, person, i % 2 ? 'topic' : 'reply', topic.id);
    }
    expect(await outboxEventsOf(community.id)).toHaveLength(14);
  });

  it('applies the community’s own burst and hourly limits', async () => {
    const { community, board, member, expert, topic } = await withTopic();
    await configure(community.id, { burstPosts: 2, burstSeconds: 120, hourlyPosts: 4 });
    await post(community.id, member, 'topic', topic.id);
    await post(community.id, member, 'reply', topic.id);
    await expectAppError(post(community.id, member, 'reply', topic.id), 'rate_limited');
    // Four posts in the last hour, none in the burst window: the hourly limit applies.
    for (let i = 0; i < 4; i++) await seedTopic(board, expert.memberId, { created_at: secondsAgo(1800) });
    const error = (await expectAppError(
      post(community.id, expert, 'topic', topic.id),
      'rate_limited',
    )) as unknown as {
      messageKey: string;
      retryAfter: number;
    };
    expect(error.messageKey).toBe('moderation.hourlyLimit');
    expect(error.retryAfter).toBeGreaterThan(1700);
    expect(error.retryAfter).toBeLessThanOrEqual(1800);
  });

  it('answers 429 with Retry-After and a localized problem over HTTP', async () => {
    const { app } = await testApp();
    const { community, topic } = await withTopic();
    await configure(community.id, { burstPosts: 1 });
    const user = await signedInUser();
    await addMember(community.id, user.userId);
    const send = () =>
      app.inject({
        method: 'POST',
        url: `/api/v1/communities/${community.slug}/topics/${topic.id}/replies`,
        headers: { ...user.headers, 'accept-language': 'fr' },
        payload: { body: 'Une réponse.' },
      });
    expect((await send()).statusCode).toBe(201);
    const refused = await send();
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.json()).toMatchObject({
      code: 'rate_limited',
      detail: 'Vous publiez trop vite. Patientez quelques secondes puis réessayez.',
    });
  });
});

describe('newcomer pre-moderation', () => {
  it('holds newcomers’ posts as pending, by days since joining or by published posts', async () => {
    const { community, board, member, other, expert, topic } = await withTopic();
    await configure(community.id, { newcomerPremoderation: true, newcomerDays: 3, newcomerPosts: 2 });
    // `member` joined just now: a newcomer by days, whatever they posted.
    for (let i = 0; i < 3; i++) await seedTopic(board, member.memberId, { created_at: secondsAgo(86_400) });
    expect((await post(community.id, member, 'topic', topic.id)).status).toBe('pending');
    expect((await post(community.id, member, 'reply', topic.id)).status).toBe('pending');
    // `expert` joined long ago but has one published post (and a pending one that does not count).
    await setJoinedAt(expert.memberId, secondsAgo(30 * 86_400));
    await seedTopic(board, expert.memberId, { created_at: secondsAgo(86_400) });
    await seedTopic(board, expert.memberId, { created_at: secondsAgo(86_400), status: 'pending' });
    expect((await post(community.id, expert, 'topic', topic.id)).status).toBe('pending');
    // `other` joined long ago and wrote the question plus one more published post: no longer a newcomer.
    await setJoinedAt(other.memberId, secondsAgo(30 * 86_400));
    await seedReply(topic, other.memberId, { created_at: secondsAgo(86_400) });
    expect((await post(community.id, other, 'reply', topic.id)).status).toBe('published');
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => [e.type, e.payload.status])).toEqual([
      ['topic.created', 'pending'],
      ['reply.created', 'pending'],
      ['topic.created', 'pending'],
      ['reply.created', 'published'],
    ]);
  });

  it('publishes newcomers’ posts when the community does not ask for it, and staff posts always', async () => {
    const { community, member, other, moderator, topic } = await withTopic();
    expect((await post(community.id, member, 'topic', topic.id)).status).toBe('published');
    await configure(community.id, { newcomerPremoderation: true, newcomerDays: 365, newcomerPosts: 1000 });
    expect((await post(community.id, moderator, 'reply', topic.id)).status).toBe('published');
    expect((await post(community.id, moderator, 'topic', topic.id)).status).toBe('published');
    const held = await post(community.id, member, 'reply', topic.id);
    expect(held.status).toBe('pending');
    // Its author sees the pending topic in the board and the pending reply in the topic; others do not.
    const asked = await createTopic({
      ctx: await ctxFor(member.user),
      community: community.id,
      board: 'help',
      input: { title: 'A newcomer’s question', body: 'Hello?' },
    });
    expect(asked.status).toBe('pending');
    const boardFor = async (person: Person) =>
      (
        await listTopics({
          ctx: await ctxFor(person.user),
          community: community.id,
          board: 'help',
          query: {},
        })
      ).items
        .filter((t) => t.status === 'pending')
        .map((t) => t.id);
    expect(await boardFor(member)).toEqual([asked.id]);
    expect(await boardFor(other)).toEqual([]);
    const topicFor = async (person: Person) =>
      (await getTopic({ ctx: await ctxFor(person.user), community: community.id, topicId: topic.id })).replies
        .filter((r) => r.status === 'pending')
        .map((r) => r.id);
    expect(await topicFor(member)).toEqual([held.id]);
    expect(await topicFor(other)).toEqual([]);
  });
});
