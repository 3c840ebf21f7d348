import { createHash } from 'node:crypto';
import type { SurveyDefinitionInput } from '../server/modules/research/survey-definition.ts';
import { newId } from '../server/platform/db/ids.ts';
import type { SurveyMediaKind, SurveyMediaRow } from '../server/platform/db/schema-research.ts';
import { uploadStore } from '../server/platform/storage/local-store.ts';
import { testApp } from './helpers.ts';
import { tinyPng } from './image-fixtures.ts';
import { mediaHeaders } from './media-fixtures.ts';

/** Inserts a survey stimulus file directly (a tiny PNG, or an MP4 header for a video), stored on disk. */
export async function seedSurveyMedia(
  communityId: string,
  kind: SurveyMediaKind = 'image',
): Promise<SurveyMediaRow> {
  const { kernel } = await testApp();
  const data =
    kind === 'video' ? mediaHeaders.mp4() : kind === 'audio' ? mediaHeaders.mp3() : tinyPng(40, 30);
  const id = newId();
  await uploadStore(kernel).put(id, data);
  return kernel.db
    .insertInto('survey_media')
    .values({
      id,
      community_id: communityId,
      uploader_id: null,
      kind,
      content_type: kind === 'video' ? 'video/mp4' : kind === 'audio' ? 'audio/mpeg' : 'image/png',
      bytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      width: kind === 'video' || kind === 'audio' ? null : 40,
      height: kind === 'video' || kind === 'audio' ? null : 30,
      alt: `Stimulus ${kind}`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A one-page stimulus test: a packaging image to mark up (`spots`, up to 3 markers), a scale about it, and
 * a preference between two labels (`pick`, variants `a` and `b`).
 */
export function stimulusDefinition(media: { image: string; a: string; b: string }): SurveyDefinitionInput {
  return {
    pages: [
      {
        id: 'p1',
        questions: [
          {
            id: 'spots',
            type: 'hotspot',
            title: 'Where do you like or dislike the pack?',
            required: true,
            max: 3,
            stimulus: { mediaId: media.image, caption: 'The new pack' },
          },
          {
            id: 'appeal',
            type: 'scale',
            title: 'How appealing is it?',
            required: true,
            stimulus: { mediaId: media.image },
          },
          {
            id: 'pick',
            type: 'preference',
            title: 'Which label do you prefer?',
            required: true,
            options: [
              { id: 'a', label: 'Green label', mediaId: media.a },
              { id: 'b', label: 'Blue label', mediaId: media.b },
            ],
          },
        ],
      },
    ],
  };
}

/** Seeds the three files of `stimulusDefinition` in a community and returns the definition with them. */
export async function seedStimulusDefinition(communityId: string) {
  const image = await seedSurveyMedia(communityId);
  const a = await seedSurveyMedia(communityId);
  const b = await seedSurveyMedia(communityId, 'video');
  return {
    media: { image: image.id, a: a.id, b: b.id },
    definition: stimulusDefinition({ image: image.id, a: a.id, b: b.id }),
  };
}
