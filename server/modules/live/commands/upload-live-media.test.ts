import { beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../../../../test/image-fixtures.ts';
import { liveCommunity, seedSession, seedStimulus, startSession } from '../../../../test/live-fixtures.ts';
import { mediaHeaders } from '../../../../test/media-fixtures.ts';
import { auditRowsOf, ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getLiveMedia } from './get-live-media.ts';
import { getLiveSession } from './get-live-session.ts';
import { updateLiveSessionGuide } from './update-live-session-guide.ts';
import { MAX_STIMULUS_MEDIA_BYTES } from '../../../platform/storage/stimulus-file.ts';
import { uploadLiveMedia } from './upload-live-media.ts';

beforeAll(() => testApp(), 180_000);

const png = { data: tinyPng(80, 60), filename: 'red-bike.png' };

describe('uploadLiveMedia', () => {
  it('rejects a missing, unknown, oversized or mistyped file on /file, storing nothing', async () => {
    const { community, moderator, session } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    const base = { ctx, community: community.slug, sessionId: session.id };
    const cases: [Parameters<typeof uploadLiveMedia>[0], string][] = [
      [{ ...base, file: null }, 'live.error.mediaMissing'],
      [{ ...base, file: { data: Buffer.from('<svg/>'), filename: 'x.png' } }, 'live.error.mediaType'],
      [
        { ...base, file: { data: Buffer.alloc(MAX_STIMULUS_MEDIA_BYTES + 1), filename: 'a.mp4' } },
        'live.error.mediaTooLarge',
      ],
      [
        {
          ...base,
          file: { data: Buffer.concat([tinyPng(), Buffer.alloc(5 * 1024 * 1024)]), filename: 'big.png' },
        },
        'validation.imageTooLarge',
      ],
      [
        { ...base, file: { data: mediaHeaders.mp3(), filename: 'jingle.mp3' }, logo: true },
        'live.error.logoImage',
      ],
    ];
    for (const [args, key] of cases) {
      const error = await expectAppError(uploadLiveMedia(args), 'validation_failed', '/file');
      expect(error.fields[0].key).toBe(key);
    }
    const { kernel } = await testApp();
    expect(await kernel.db.selectFrom('live_media').where('session_id', '=', session.id).execute()).toEqual(
      [],
    );
  });

  it('is not found for an unknown session or one of another community', async () => {
    const { community, moderator, elsewhere } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    await expectAppError(
      uploadLiveMedia({ ctx, community: community.slug, sessionId: newId(), file: png }),
      'not_found',
    );
    const other = await seedSession(elsewhere.id);
    await expectAppError(
      uploadLiveMedia({ ctx, community: community.slug, sessionId: other.id, file: png }),
      'not_found',
    );
  });

  it('is forbidden to observers and participants, and refused once the session is over', async () => {
    const { community, observer, alice, moderator } = await liveCommunity();
    const session = await seedSession(community.id, {
      staff: [
        [observer.memberId, 'observer'],
        [moderator.memberId, 'moderator'],
      ],
      participants: [alice.memberId],
    });
    for (const user of [observer.user, alice.user]) {
      const ctx = await ctxFor(user);
      await expectAppError(
        uploadLiveMedia({ ctx, community: community.slug, sessionId: session.id, file: png }),
        'forbidden',
      );
    }
    const ended = await seedSession(community.id, {
      staff: [[moderator.memberId, 'moderator']],
      status: 'ended',
    });
    const ctx = await ctxFor(moderator.user);
    await expectAppError(
      uploadLiveMedia({ ctx, community: community.slug, sessionId: ended.id, file: png }),
      'conflict',
    );
  });

  it('stores an image, a logo, a video and a sound by their content, audited, and a stimulus shows one', async () => {
    const { community, moderator, session } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    const base = { ctx, community: community.slug, sessionId: session.id };
    const image = await uploadLiveMedia({ ...base, file: png, alt: 'The red bike' });
    expect(image).toMatchObject({
      kind: 'image',
      contentType: 'image/png',
      alt: 'The red bike',
      width: 80,
      height: 60,
      url: `/api/v1/communities/${community.id}/live-sessions/${session.id}/media/${image.id}`,
    });
    const logo = await uploadLiveMedia({ ...base, file: png, logo: true });
    expect(logo).toMatchObject({ kind: 'logo', alt: 'red-bike.png' });
    const video = await uploadLiveMedia({ ...base, file: { data: mediaHeaders.webm(), filename: 'ad.bin' } });
    expect(video).toMatchObject({ kind: 'video', contentType: 'video/webm', width: null });
    const sound = await uploadLiveMedia({
      ...base,
      file: { data: mediaHeaders.wav(), filename: 'jingle.txt' },
    });
    expect(sound).toMatchObject({ kind: 'audio', contentType: 'audio/wav' });
    const audits = (await auditRowsOf(community.id)).filter((a) => a.action === 'live_session.media_upload');
    expect(audits).toHaveLength(4);
    expect(audits[0]).toMatchObject({ target_type: 'live_session', target_id: session.id });

    const item = { kind: 'stimulus', body: 'What does this make you think of?', mediaId: image.id };
    const sections = await updateLiveSessionGuide({
      ...base,
      input: { sections: [{ title: 'Stimuli', plannedMinutes: 5, items: [item] }] },
    });
    expect(sections[0].items[0].media).toEqual(image);
    const dto = await getLiveSession(base);
    expect(dto.guide?.[0].items[0].media?.id).toBe(image.id);
  });

  it('refuses a guide item pointing at a media of another session or on a non-stimulus', async () => {
    const { community, moderator, session } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    const other = await seedSession(community.id, { staff: [[moderator.memberId, 'moderator']] });
    const foreign = await seedStimulus(other);
    const own = await uploadLiveMedia({ ctx, community: community.slug, sessionId: session.id, file: png });
    const guide = (items: unknown[]) => ({ sections: [{ title: 'S', plannedMinutes: 5, items }] });
    await expectAppError(
      updateLiveSessionGuide({
        ctx,
        community: community.slug,
        sessionId: session.id,
        input: guide([{ kind: 'stimulus', body: 'B', mediaId: foreign.mediaId }]),
      }),
      'validation_failed',
      '/sections/0/items/0/mediaId',
    );
    await expectAppError(
      updateLiveSessionGuide({
        ctx,
        community: community.slug,
        sessionId: session.id,
        input: guide([{ kind: 'probe', body: 'B', mediaId: own.id }]),
      }),
      'validation_failed',
      '/sections/0/items/0/mediaId',
    );
  });
});

describe('getLiveMedia', () => {
  it('serves a media file to staff always, to a participant once its stimulus was sent, to nobody else', async () => {
    const f = await liveCommunity();
    await startSession(f);
    const queued = await seedStimulus(f.session);
    const args = (mediaId: string) => ({ community: f.community.slug, sessionId: f.session.id, mediaId });
    for (const user of [f.moderator.user, f.observer.user, f.admin.user]) {
      const media = await getLiveMedia({ ctx: await ctxFor(user), ...args(queued.mediaId) });
      expect(media.id).toBe(queued.mediaId);
    }
    // Alice is in the room: not before the stimulus is sent.
    await expectAppError(
      getLiveMedia({ ctx: await ctxFor(f.alice.user), ...args(queued.mediaId) }),
      'not_found',
    );
    const { kernel } = await testApp();
    await kernel.db
      .updateTable('live_guide_items')
      .set({ state: 'sent', sent_at: new Date() })
      .where('id', '=', queued.itemId)
      .execute();
    expect(
      (await getLiveMedia({ ctx: await ctxFor(f.alice.user), ...args(queued.mediaId) })).sha256,
    ).toHaveLength(64);
    // Not invited, another session's staff, anonymous, unknown ids.
    await expectAppError(
      getLiveMedia({ ctx: await ctxFor(f.carol.user), ...args(queued.mediaId) }),
      'not_found',
    );
    await expectAppError(
      getLiveMedia({ ctx: await ctxFor(f.guest.user), ...args(queued.mediaId) }),
      'not_found',
    );
    await expectAppError(
      getLiveMedia({ ctx: await ctxFor(null), ...args(queued.mediaId) }),
      'unauthenticated',
    );
    await expectAppError(
      getLiveMedia({ ctx: await ctxFor(f.moderator.user), ...args(newId()) }),
      'not_found',
    );
    await expectAppError(
      getLiveMedia({ ctx: await ctxFor(f.moderator.user), ...args('../etc/passwd') }),
      'not_found',
    );
  });
});
