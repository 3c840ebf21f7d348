import { beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../../../../test/image-fixtures.ts';
import { mediaHeaders } from '../../../../test/media-fixtures.ts';
import { auditRowsOf, ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { researchCommunity, seedSegment, seedSurvey } from '../../../../test/research-fixtures.ts';
import { seedStimulusDefinition, seedSurveyMedia } from '../../../../test/stimulus-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getSurveyMedia } from './get-survey-media.ts';
import { MAX_STIMULUS_MEDIA_BYTES } from '../../../platform/storage/stimulus-file.ts';
import { uploadSurveyMedia } from './upload-survey-media.ts';

beforeAll(() => testApp(), 180_000);

const png = { data: tinyPng(80, 60), filename: 'green-pack.png' };

describe('uploadSurveyMedia', () => {
  it('rejects a missing, unknown, oversized or mistyped file on /file, storing nothing', async () => {
    const { community, admin } = await researchCommunity();
    const base = { ctx: await ctxFor(admin.user), community: community.slug };
    const cases: [Parameters<typeof uploadSurveyMedia>[0], string][] = [
      [{ ...base, file: null }, 'research.media.missing'],
      [{ ...base, file: { data: Buffer.from('%PDF-1.7'), filename: 'x.png' } }, 'research.media.type'],
      [
        { ...base, file: { data: Buffer.alloc(MAX_STIMULUS_MEDIA_BYTES + 1), filename: 'a.mp4' } },
        'research.media.tooLarge',
      ],
      [
        {
          ...base,
          file: { data: Buffer.concat([tinyPng(), Buffer.alloc(5 * 1024 * 1024)]), filename: 'big.png' },
        },
        'validation.imageTooLarge',
      ],
      [
        { ...base, file: { data: mediaHeaders.mp4(), filename: 'ad.png' }, expect: 'image' },
        'research.validation.stimulusImage',
      ],
      [
        { ...base, file: { data: mediaHeaders.mp3(), filename: 'jingle.mp3' }, logo: true },
        'research.validation.stimulusImage',
      ],
    ];
    for (const [args, key] of cases) {
      const error = await expectAppError(uploadSurveyMedia(args), 'validation_failed', '/file');
      expect(error.fields[0].key).toBe(key);
    }
    const { kernel } = await testApp();
    expect(
      await kernel.db.selectFrom('survey_media').where('community_id', '=', community.id).execute(),
    ).toEqual([]);
  });

  it('is not found for an unknown community and forbidden to members and observers', async () => {
    const { community, admin, member, observer } = await researchCommunity();
    await expectAppError(
      uploadSurveyMedia({ ctx: await ctxFor(admin.user), community: `no-${newId().slice(-8)}`, file: png }),
      'not_found',
    );
    for (const p of [member, observer])
      await expectAppError(
        uploadSurveyMedia({ ctx: await ctxFor(p.user), community: community.slug, file: png }),
        'forbidden',
      );
  });

  it('stores images, logos, videos and sounds by their content, audited', async () => {
    const { community, moderator } = await researchCommunity();
    const ctx = await ctxFor(moderator.user);
    const image = await uploadSurveyMedia({ ctx, community: community.slug, file: png, alt: ' New pack ' });
    expect(image).toMatchObject({
      kind: 'image',
      contentType: 'image/png',
      alt: 'New pack',
      width: 80,
      height: 60,
    });
    expect(image.url).toBe(`/api/v1/communities/${community.id}/survey-media/${image.id}`);
    const logo = await uploadSurveyMedia({ ctx, community: community.slug, file: png, logo: true });
    expect(logo).toMatchObject({ kind: 'logo', alt: 'green-pack.png' });
    const video = await uploadSurveyMedia({
      ctx,
      community: community.slug,
      file: { data: mediaHeaders.webm(), filename: 'ad.bin' },
    });
    expect(video).toMatchObject({ kind: 'video', contentType: 'video/webm', width: null });
    const sound = await uploadSurveyMedia({
      ctx,
      community: community.slug,
      file: { data: mediaHeaders.wav(), filename: 'jingle' },
    });
    expect(sound).toMatchObject({ kind: 'audio', contentType: 'audio/wav' });
    expect((await auditRowsOf(community.id)).filter((a) => a.action === 'survey.media_upload')).toHaveLength(
      4,
    );
  });
});

describe('getSurveyMedia', () => {
  it('serves staff and observers any file, members only those of a survey they see', async () => {
    const { community, admin, observer, member, outsider, elsewhere } = await researchCommunity();
    const loose = await seedSurveyMedia(community.id);
    for (const p of [admin, observer])
      expect(
        (await getSurveyMedia({ ctx: await ctxFor(p.user), community: community.slug, mediaId: loose.id }))
          .id,
      ).toBe(loose.id);
    const memberCtx = await ctxFor(member.user);
    await expectAppError(
      getSurveyMedia({ ctx: memberCtx, community: community.slug, mediaId: loose.id }),
      'not_found',
    );
    const { definition, media } = await seedStimulusDefinition(community.id);
    const draft = await seedSurvey(community.id, { definition, published: false });
    await expectAppError(
      getSurveyMedia({ ctx: memberCtx, community: community.slug, mediaId: media.b }),
      'not_found',
    );
    const nobody = await seedSegment(community.id, {
      match: 'all',
      conditions: [{ type: 'status', in: ['suspended'] }],
    });
    await seedSurvey(community.id, { definition, segment_id: nobody.id });
    await expectAppError(
      getSurveyMedia({ ctx: memberCtx, community: community.slug, mediaId: media.b }),
      'not_found',
    );
    await seedSurvey(community.id, { definition });
    expect((await getSurveyMedia({ ctx: memberCtx, community: community.slug, mediaId: media.b })).kind).toBe(
      'video',
    );
    expect(draft.published).toBe(false);
    await expectAppError(
      getSurveyMedia({ ctx: await ctxFor(outsider.user), community: community.slug, mediaId: media.b }),
      'not_found',
    );
    const foreign = await seedSurveyMedia(elsewhere.id);
    await expectAppError(
      getSurveyMedia({ ctx: await ctxFor(admin.user), community: community.slug, mediaId: foreign.id }),
      'not_found',
    );
  });
});
