import { beforeAll, describe, expect, it } from 'vitest';
import { createReply } from '../server/modules/support/commands/create-reply.ts';
import { addMember, ctxFor, signedInUser, testApp } from './helpers.ts';
import { seedTopic, supportCommunity } from './support-fixtures.ts';

beforeAll(async () => {
  await testApp();
}, 180_000);

const topicUrl = (slug: string, topicId: string) => `/api/v1/communities/${slug}/topics/${topicId}`;

describe('anonymous public cache (API)', () => {
  it('serves a public topic again from the cache, with an ETag, until an event of its community', async () => {
    const { app } = await testApp();
    const { community, board, member, other } = await supportCommunity({ visibility: 'public' });
    const topic = await seedTopic(board, member.memberId);
    const url = topicUrl(community.slug, topic.id);

    const first = await app.inject({ method: 'GET', url });
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-cercle-cache']).toBeUndefined();
    expect(first.headers['cache-control']).toContain('public');
    expect(first.headers['x-cercle-public-cache']).toBeUndefined();
    const etag = String(first.headers.etag);

    const second = await app.inject({ method: 'GET', url });
    expect(second.headers['x-cercle-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toContain('application/json');

    const origin = await app.inject({ method: 'GET', url, headers: { 'cache-control': 'no-cache' } });
    expect(origin.headers['x-cercle-cache']).toBeUndefined();
    expect(origin.body).toBe(first.body);

    const revalidated = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');

    await createReply({
      ctx: await ctxFor(other.user),
      community: community.slug,
      topicId: topic.id,
      input: { body: 'A fresh answer' },
    });
    const after = await app.inject({ method: 'GET', url });
    expect(after.headers['x-cercle-cache']).toBeUndefined();
    expect(after.json<{ replies: { bodyHtml: string }[] }>().replies.map((r) => r.bodyHtml)).toEqual([
      '<p>A fresh answer</p>\n',
    ]);
  });

  it('never caches what a signed-in member sees, nor answers them from the cache', async () => {
    const { app } = await testApp();
    const { community, board, member } = await supportCommunity({ visibility: 'public' });
    const topic = await seedTopic(board, member.memberId);
    const url = topicUrl(community.slug, topic.id);
    const viewer = await signedInUser();
    await addMember(community.id, viewer.userId, 'member');

    const mine = await app.inject({ method: 'GET', url, headers: viewer.headers });
    expect(mine.headers['cache-control'] ?? '').not.toContain('public');
    await app.inject({ method: 'GET', url });
    const again = await app.inject({ method: 'GET', url, headers: viewer.headers });
    expect(again.headers['x-cercle-cache']).toBeUndefined();
    expect(again.json<{ abilities: { reply: boolean } }>().abilities.reply).toBe(true);
  });

  it('keeps nothing an anonymous reader is refused', async () => {
    const { app, kernel } = await testApp();
    const { community, board, member } = await supportCommunity({ visibility: 'private' });
    const topic = await seedTopic(board, member.memberId);
    const before = kernel.publicCache.size;
    const refused = await app.inject({ method: 'GET', url: topicUrl(community.slug, topic.id) });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.headers['cache-control'] ?? '').not.toContain('public');
    expect(kernel.publicCache.size).toBe(before);
  });
});
