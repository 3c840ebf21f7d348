import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/helpers.ts';
import { researchCommunity, seedSurvey } from '../../../../test/research-fixtures.ts';
import { seedSurveyMedia, stimulusDefinition } from '../../../../test/stimulus-fixtures.ts';
import { uploadStore } from '../../../platform/storage/local-store.ts';
import { MEDIA_GRACE_MS, sweepSurveyMedia } from './media-sweep.ts';

beforeAll(() => testApp(), 180_000);

/** Whether a stimulus file's bytes are still on disk. */
async function onDisk(id: string): Promise<boolean> {
  const { kernel } = await testApp();
  return new Promise((resolve) => {
    const stream = uploadStore(kernel).open(id);
    stream.on('open', () => {
      stream.destroy();
      resolve(true);
    });
    stream.on('error', () => resolve(false));
  });
}

describe('sweepSurveyMedia', () => {
  it('deletes files no survey uses a day after it finds them unused, never one a survey shows', async () => {
    const { kernel } = await testApp();
    const { community } = await researchCommunity();
    const [image, a, b, picture, stray, edited, ofDeleted] = await Promise.all(
      Array.from({ length: 7 }, () => seedSurveyMedia(community.id)),
    );
    await seedSurvey(community.id, { definition: stimulusDefinition({ image: image.id, a: a.id, b: b.id }) });
    await seedSurvey(community.id, {
      definition: {
        pages: [
          {
            id: 'p1',
            questions: [
              {
                id: 'pack',
                type: 'image_choice',
                title: 'Which?',
                required: true,
                options: [{ id: 'x', label: 'X', mediaId: picture.id }],
              },
            ],
          },
        ],
      },
    });
    const editedAway = await seedSurvey(community.id, {
      definition: stimulusDefinition({ image: edited.id, a: a.id, b: b.id }),
    });
    const deleted = await seedSurvey(community.id, {
      definition: stimulusDefinition({ image: ofDeleted.id, a: a.id, b: b.id }),
    });
    const sweep = (hoursLater: number) =>
      sweepSurveyMedia(kernel, {
        communityId: community.id,
        now: new Date(Date.now() + hoursLater * 3_600_000),
      });

    // First pass: the stray file is marked, nothing is deleted.
    expect(await sweep(0)).toBe(0);
    // The survey is edited to show another image, the other survey deleted: both files become unused.
    await kernel.db
      .updateTable('surveys')
      .set({ definition: JSON.stringify(stimulusDefinition({ image: image.id, a: a.id, b: b.id })) })
      .where('id', '=', editedAway.id)
      .execute();
    await kernel.db.deleteFrom('surveys').where('id', '=', deleted.id).execute();
    expect(await sweep(1)).toBe(0);
    // A day after the first pass only the stray file is past its grace period.
    expect(await sweep(MEDIA_GRACE_MS / 3_600_000 + 0.5)).toBe(1);
    expect(await onDisk(stray.id)).toBe(false);
    expect(await onDisk(edited.id)).toBe(true);
    // A day after the second pass the edited-away and deleted survey's files go too; used files stay.
    expect(await sweep(MEDIA_GRACE_MS / 3_600_000 + 1.5)).toBe(2);
    const left = await kernel.db
      .selectFrom('survey_media')
      .select('id')
      .where('community_id', '=', community.id)
      .execute();
    expect(left.map((r) => r.id).sort()).toEqual([image.id, a.id, b.id, picture.id].sort());
    for (const file of [image, a, b, picture]) expect(await onDisk(file.id)).toBe(true);
    for (const file of [edited, ofDeleted]) expect(await onDisk(file.id)).toBe(false);
  });

  it('unmarks a file a survey uses again before its grace period ends', async () => {
    const { kernel } = await testApp();
    const { community } = await researchCommunity();
    const [image, a, b] = await Promise.all(Array.from({ length: 3 }, () => seedSurveyMedia(community.id)));
    expect(await sweepSurveyMedia(kernel, { communityId: community.id })).toBe(0);
    const marked = await kernel.db
      .selectFrom('survey_media')
      .select('unreferenced_since')
      .where('id', '=', image.id)
      .executeTakeFirstOrThrow();
    expect(marked.unreferenced_since).not.toBeNull();
    await seedSurvey(community.id, { definition: stimulusDefinition({ image: image.id, a: a.id, b: b.id }) });
    const later = new Date(Date.now() + 2 * MEDIA_GRACE_MS);
    expect(await sweepSurveyMedia(kernel, { communityId: community.id, now: later })).toBe(0);
    const row = await kernel.db
      .selectFrom('survey_media')
      .select('unreferenced_since')
      .where('id', '=', image.id)
      .executeTakeFirstOrThrow();
    expect(row.unreferenced_since).toBeNull();
  });
});
