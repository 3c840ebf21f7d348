import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../platform/db/ids.ts';
import { tinyGif, tinyJpeg, tinyPng, tinyWebp } from '../../../../test/image-fixtures.ts';
import {
  addMember,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  signedInUser,
  testApp,
  type TestUser,
} from '../../../../test/helpers.ts';
import { seedReply, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { createReply } from './create-reply.ts';
import { createTopic } from './create-topic.ts';
import { getTopic } from './get-topic.ts';
import { MAX_IMAGE_BYTES, uploadImage } from './upload-image.ts';

const png = (name = 'screen-shot.png') => ({ data: tinyPng(640, 480), filename: name });

async function uploadAs(user: TestUser, community: string, file = png()) {
  return uploadImage({ ctx: await ctxFor(user), community, file });
}

/** A signed-in user (real session cookie) who is a member of the community. */
async function signedMember(communityId: string, role: 'member' | 'moderator' = 'member') {
  const user = await signedInUser();
  await addMember(communityId, user.userId, role);
  return user;
}

async function memberIdOf(communityId: string, user: TestUser) {
  const { kernel } = await testApp();
  const row = await kernel.db
    .selectFrom('memberships')
    .select('id')
    .where('community_id', '=', communityId)
    .where('user_id', '=', user.userId)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function uploadRows(communityId: string) {
  const { kernel } = await testApp();
  return kernel.db.selectFrom('uploads').selectAll().where('community_id', '=', communityId).execute();
}

describe('uploadImage', () => {
  it('refuses a missing file, an oversized one, and anything that is not an image by its content', async () => {
    const { community, member } = await supportCommunity();
    const ctx = await ctxFor(member.user);
    const refuse = async (file: { data: Buffer; filename: string } | null, key: string) => {
      const error = await expectAppError(
        uploadImage({ ctx, community: community.id, file }),
        'validation_failed',
        '/file',
      );
      expect(error.fields[0]?.key).toBe(key);
    };
    await refuse(null, 'validation.imageMissing');
    await refuse({ data: Buffer.alloc(0), filename: 'empty.png' }, 'validation.imageMissing');
    const huge = Buffer.concat([tinyPng(), Buffer.alloc(MAX_IMAGE_BYTES)]);
    await refuse({ data: huge, filename: 'huge.png' }, 'validation.imageTooLarge');
    await refuse(
      { data: Buffer.from('<html><script>alert(1)</script></html>'), filename: 'page.png' },
      'validation.imageType',
    );
    await refuse(
      { data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), filename: 'logo.png' },
      'validation.imageType',
    );
    await refuse({ data: Buffer.from('plain text'), filename: 'notes.jpg' }, 'validation.imageType');
    expect(await uploadRows(community.id)).toEqual([]);
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports an unknown community, or a hidden one to outsiders, as not found', async () => {
    const { member } = await supportCommunity();
    await expectAppError(uploadAs(member.user, newId()), 'not_found');
    const hidden = await supportCommunity({ visibility: 'hidden' });
    await expectAppError(uploadAs(member.user, hidden.community.id), 'not_found');
  });

  it('lets only members who write upload', async () => {
    const { community, observer, member } = await supportCommunity();
    const outsider = (await supportCommunity()).member;
    await expectAppError(
      uploadImage({ ctx: await ctxFor(null), community: community.id, file: png() }),
      'unauthenticated',
    );
    await expectAppError(uploadAs(observer.user, community.id), 'forbidden');
    await expectAppError(uploadAs(outsider.user, community.id), 'forbidden');
    expect(await uploadRows(community.id)).toEqual([]);
    await uploadAs(member.user, community.id);
    expect(await uploadRows(community.id)).toHaveLength(1);
  });

  it('stores PNG, JPEG, GIF and WebP under a new id with their sniffed type and size, and emits image.uploaded', async () => {
    const { community, member } = await supportCommunity();
    const { kernel } = await testApp();
    const files = [
      { data: tinyPng(640, 480), filename: 'my_screen-shot.png', type: 'image/png', size: [640, 480] },
      // The name says PNG, the content says JPEG: the content wins.
      { data: tinyJpeg(100, 50), filename: 'photo.png', type: 'image/jpeg', size: [100, 50] },
      { data: tinyGif(16, 9), filename: 'anim.gif', type: 'image/gif', size: [16, 9] },
      { data: tinyWebp(30, 20), filename: 'pic.webp', type: 'image/webp', size: [30, 20] },
    ];
    for (const file of files) {
      const image = await uploadAs(member.user, community.id, file);
      expect(image).toMatchObject({
        url: `/uploads/${image.id}`,
        contentType: file.type,
        width: file.size[0],
        height: file.size[1],
      });
      const stored = join(kernel.config.dataDir, 'uploads', image.id.slice(0, 2), image.id);
      expect(existsSync(stored)).toBe(true);
      expect(readFileSync(stored).equals(file.data)).toBe(true);
    }
    const rows = await uploadRows(community.id);
    expect(rows.map((r) => [r.content_type, r.uploader_id, r.target_id, r.alt])).toEqual([
      ['image/png', member.memberId, null, 'my screen shot'],
      ['image/jpeg', member.memberId, null, 'photo'],
      ['image/gif', member.memberId, null, 'anim'],
      ['image/webp', member.memberId, null, 'pic'],
    ]);
    expect(rows[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const events = await outboxEventsOf(community.id);
    expect(events).toHaveLength(4);
    expect(events[0]).toEqual({
      type: 'image.uploaded',
      payload: {
        communityId: community.id,
        uploadId: rows[0].id,
        uploaderId: member.memberId,
        contentType: 'image/png',
        bytes: files[0].data.length,
      },
      actor: member.user.userId,
    });
  });
});

describe('attaching images to posts', () => {
  it('attaches the author’s own unattached images to a topic and a reply, shown under the post', async () => {
    const { community, board, member, other } = await supportCommunity();
    const first = await uploadAs(member.user, community.id);
    const second = await uploadAs(member.user, community.id, { data: tinyGif(), filename: 'b.gif' });
    const topic = await createTopic({
      ctx: await ctxFor(member.user),
      community: community.id,
      board: board.slug,
      input: { title: 'With two images', body: 'See below.', imageIds: [second.id, first.id] },
    });
    const forReply = await uploadAs(other.user, community.id);
    const reply = await createReply({
      ctx: await ctxFor(other.user),
      community: community.id,
      topicId: topic.id,
      input: { body: 'Here is mine.', imageIds: [forReply.id] },
    });
    expect(reply.images.map((i) => i.id)).toEqual([forReply.id]);
    const seen = await getTopic({ ctx: await ctxFor(null), community: community.id, topicId: topic.id });
    expect(seen.images.map((i) => i.id)).toEqual([second.id, first.id]);
    expect(seen.images[1]).toEqual({ ...first, alt: 'screen shot' });
    expect(seen.replies[0]?.images.map((i) => i.id)).toEqual([forReply.id]);
  });

  it('refuses someone else’s image, an attached one, another community’s, or an unknown id, changing nothing', async () => {
    const { community, board, member, other } = await supportCommunity();
    const elsewhere = await supportCommunity();
    const mine = await uploadAs(member.user, community.id);
    const theirs = await uploadAs(other.user, community.id);
    const foreign = await uploadAs(elsewhere.member.user, elsewhere.community.id);
    const ctx = await ctxFor(member.user);
    const post = (imageIds: string[]) =>
      createTopic({
        ctx,
        community: community.id,
        board: board.slug,
        input: { title: 'With an image', body: 'See below.', imageIds },
      });
    for (const ids of [[theirs.id], [mine.id, newId()], [foreign.id]]) {
      const error = await expectAppError(post(ids), 'validation_failed', '/imageIds');
      expect(error.fields[0]?.key).toBe('validation.imageUnavailable');
    }
    await expectAppError(post([mine.id, mine.id]), 'validation_failed');
    await expectAppError(post([1, 2, 3, 4, 5].map(() => newId())), 'validation_failed', '/imageIds');
    const { kernel } = await testApp();
    expect(
      await kernel.db.selectFrom('topics').select('id').where('community_id', '=', community.id).execute(),
    ).toEqual([]);
    expect((await uploadRows(community.id)).every((row) => row.target_id === null)).toBe(true);

    const topic = await post([mine.id]);
    await expectAppError(post([mine.id]), 'validation_failed', '/imageIds');
    await expectAppError(
      createReply({
        ctx,
        community: community.id,
        topicId: topic.id,
        input: { body: 'Again', imageIds: [mine.id] },
      }),
      'validation_failed',
      '/imageIds',
    );
  });
});

describe('GET /uploads/:id', () => {
  it('serves a public post’s image with its sniffed type, nosniff, inline and a long shared cache', async () => {
    const { app } = await testApp();
    const { community, board, member } = await supportCommunity();
    const image = await uploadAs(member.user, community.id, { data: tinyJpeg(), filename: 'evil.html' });
    await createTopic({
      ctx: await ctxFor(member.user),
      community: community.id,
      board: board.slug,
      input: { title: 'A photo inside', body: 'Look.', imageIds: [image.id] },
    });
    const response = await app.inject({ method: 'GET', url: image.url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-disposition']).toBe('inline');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.rawPayload.equals(tinyJpeg())).toBe(true);
    const again = await app.inject({
      method: 'GET',
      url: image.url,
      headers: { 'if-none-match': String(response.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('serves nothing to those who cannot read the post, nor an unattached image to anyone but its uploader', async () => {
    const { app } = await testApp();
    const secret = await supportCommunity({ visibility: 'private' });
    const author = await signedMember(secret.community.id);
    const reader = await signedMember(secret.community.id);
    const outsider = await signedInUser();
    const get = async (url: string, user: TestUser | null) =>
      app.inject({ method: 'GET', url, headers: user?.headers ?? {} });
    const image = await uploadAs(author, secret.community.id);
    expect((await get(image.url, reader)).statusCode).toBe(404);
    const own = await get(image.url, author);
    expect(own.statusCode).toBe(200);
    expect(own.headers['cache-control']).toBe('private, max-age=31536000, immutable');

    await createTopic({
      ctx: await ctxFor(author),
      community: secret.community.id,
      board: secret.board.slug,
      input: { title: 'A private photo', body: 'Members only.', imageIds: [image.id] },
    });
    expect((await get(image.url, null)).statusCode).toBe(404);
    expect((await get(image.url, outsider)).statusCode).toBe(404);
    const seen = await get(image.url, reader);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['cache-control']).toBe('private, max-age=31536000, immutable');

    // A pending reply's image: its author and staff only.
    const open = await supportCommunity();
    const replier = await signedMember(open.community.id);
    const moderator = await signedMember(open.community.id, 'moderator');
    const topic = await seedTopic(open.board, open.member.memberId);
    const pendingImage = await uploadAs(replier, open.community.id);
    const reply = await seedReply(topic, await memberIdOf(open.community.id, replier), { status: 'pending' });
    const { kernel } = await testApp();
    await kernel.db
      .updateTable('uploads')
      .set({ target_type: 'reply', target_id: reply.id, position: 0 })
      .where('id', '=', pendingImage.id)
      .execute();
    expect((await get(pendingImage.url, null)).statusCode).toBe(404);
    expect((await get(pendingImage.url, await signedMember(open.community.id))).statusCode).toBe(404);
    expect((await get(pendingImage.url, replier)).statusCode).toBe(200);
    expect((await get(pendingImage.url, moderator)).statusCode).toBe(200);
    expect((await get(`/uploads/${newId()}`, null)).statusCode).toBe(404);
    expect((await get('/uploads/..%2F..%2Fetc%2Fpasswd', null)).statusCode).toBe(404);
  });
});

describe('POST /api/v1/communities/:community/uploads', () => {
  it('takes a multipart image and refuses an HTML file named .png with a clear error', async () => {
    const { app } = await testApp();
    const { community } = await supportCommunity();
    const member = { user: await signedMember(community.id) };
    const form = (data: Buffer, name: string, type: string) => {
      const payload = new FormData();
      payload.append('alt', 'The settings screen');
      payload.append('file', new Blob([new Uint8Array(data)], { type }), name);
      return payload;
    };
    const url = `/api/v1/communities/${community.slug}/uploads`;
    const ok = await app.inject({
      method: 'POST',
      url,
      headers: member.user.headers,
      payload: form(tinyPng(), 'a.png', 'image/png'),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      contentType: 'image/png',
      width: 3,
      height: 2,
      alt: 'The settings screen',
    });
    const html = await app.inject({
      method: 'POST',
      url,
      headers: { ...member.user.headers, 'accept-language': 'fr' },
      payload: form(Buffer.from('<html><body>hi</body></html>'), 'a.png', 'image/png'),
    });
    expect(html.statusCode).toBe(422);
    expect(html.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: '/file' }] });
    expect(JSON.stringify(html.json())).toContain('PNG, JPEG, GIF ou WebP');
    const json = await app.inject({
      method: 'POST',
      url,
      headers: member.user.headers,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    // Past the API's 1 MB JSON body limit but within 5 MB: accepted; past 5 MB: refused, saying the limit
    // (in the community's default language, French).
    const big = Buffer.concat([tinyPng(), Buffer.alloc(3 * 1024 * 1024)]);
    const bigOk = await app.inject({
      method: 'POST',
      url,
      headers: member.user.headers,
      payload: form(big, 'big.png', 'image/png'),
    });
    expect(bigOk.statusCode).toBe(201);
    const huge = Buffer.concat([tinyPng(), Buffer.alloc(MAX_IMAGE_BYTES)]);
    const tooBig = await app.inject({
      method: 'POST',
      url,
      headers: member.user.headers,
      payload: form(huge, 'huge.png', 'image/png'),
    });
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.json()).toMatchObject({ errors: [{ path: '/file' }] });
    expect(JSON.stringify(tooBig.json())).toContain('L’image dépasse 5 Mo.');
    expect(await uploadRows(community.id)).toHaveLength(2);
  });
});
