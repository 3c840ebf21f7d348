import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, outboxEventsOf, signedInUser, testApp } from '../../../test/helpers.ts';
import { seedTopic, supportCommunity, topicRow } from '../../../test/support-fixtures.ts';

// The kernel migrates once per file: start it before the first test's clock runs.
beforeAll(async () => {
  await testApp();
});

/** A public community with a question by a signed-in member, and a signed-in moderator. */
async function withTopic() {
  const fixture = await supportCommunity();
  const author = await signedInUser();
  const moderator = await signedInUser();
  const authorId = await addMember(fixture.community.id, author.userId);
  await addMember(fixture.community.id, moderator.userId, 'moderator');
  const topic = await seedTopic(fixture.board, authorId, { title: 'An untouched title' });
  const url = `/api/v1/communities/${fixture.community.slug}/topics/${topic.id}`;
  return { ...fixture, author, moderator, topic, url };
}

describe('PATCH /api/v1/communities/:community/topics/:topicId (updateTopic)', () => {
  it('refuses a body over the request size limit with 413 and changes nothing', async () => {
    const { app } = await testApp();
    const { author, topic, url, community } = await withTopic();
    const response = await app.inject({
      method: 'PATCH',
      url,
      headers: author.headers,
      payload: { body: 'x'.repeat(1024 * 1024 + 10) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large' });
    expect((await topicRow(topic.id)).body).toBe(topic.body);
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('answers bad fields with 422 and their paths, in the caller’s language', async () => {
    const { app } = await testApp();
    const { moderator, topic, url } = await withTopic();
    const foreign = await supportCommunity();
    const response = await app.inject({
      method: 'PATCH',
      url,
      headers: { ...moderator.headers, 'accept-language': 'fr' },
      payload: { title: '', body: 'x'.repeat(50_001), pinned: 'yes' },
    });
    expect(response.statusCode).toBe(422);
    const { errors } = response.json<{ errors: { path: string; message: string }[] }>();
    expect(errors.map((e) => e.path).sort()).toEqual(['/body', '/pinned', '/title']);
    expect(errors.find((e) => e.path === '/title')?.message).toBe('Au moins 5 caractères.');
    const moved = await app.inject({
      method: 'PATCH',
      url,
      headers: { ...moderator.headers, 'accept-language': 'fr' },
      payload: { boardId: foreign.board.id },
    });
    expect(moved.statusCode).toBe(422);
    expect(moved.json()).toMatchObject({ errors: [{ path: '/boardId' }] });
    expect(await topicRow(topic.id)).toMatchObject({ title: 'An untouched title', pinned: false });
  });

  it('edits, then serves the history and the deleted topic only to staff', async () => {
    const { app } = await testApp();
    const { author, moderator, url } = await withTopic();
    const edited = await app.inject({
      method: 'PATCH',
      url,
      headers: author.headers,
      payload: { title: 'A better title now' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'A better title now',
      editedAt: expect.any(String) as unknown,
    });
    const history = await app.inject({ method: 'GET', url: `${url}/revisions` });
    expect(history.statusCode).toBe(200);
    expect(history.json()).toMatchObject({
      items: [{ changed: ['title'], before: { title: 'An untouched title' } }],
    });
    const deleted = await app.inject({ method: 'DELETE', url, headers: moderator.headers });
    expect(deleted.json()).toMatchObject({ targetType: 'topic', status: 'deleted' });
    expect((await app.inject({ method: 'GET', url, headers: author.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url, headers: moderator.headers })).json()).toMatchObject({
      status: 'deleted',
    });
  });
});
