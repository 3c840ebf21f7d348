import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { researchCommunity } from '../../../../test/research-fixtures.ts';
import { seedSurveyMedia } from '../../../../test/stimulus-fixtures.ts';
import type { SurveyDefinitionInput } from '../survey-definition.ts';
import { createSurvey } from './create-survey.ts';
import { getSurvey } from './get-survey.ts';
import { getSurveyResults } from './get-survey-results.ts';
import { submitSurveyResponse } from './submit-survey-response.ts';

beforeAll(() => testApp(), 180_000);

/** One image-choice question whose choices show these stimulus files (a picture per choice). */
const imageChoice = (options: { id: string; label: string; mediaId?: string; imageId?: string }[]) =>
  ({
    pages: [
      {
        id: 'p1',
        questions: [{ id: 'pack', type: 'image_choice', title: 'Which pack?', required: true, options }],
      },
    ],
  }) satisfies SurveyDefinitionInput;

describe('image-choice questions with stimulus pictures', () => {
  it('refuses a choice without a picture, with two pictures, or with a video, at the choice', async () => {
    const { community, admin } = await researchCommunity();
    const ctx = await ctxFor(admin.user);
    const image = (await seedSurveyMedia(community.id)).id;
    const video = (await seedSurveyMedia(community.id, 'video')).id;
    const at = (n: number) => `/definition/pages/0/questions/0/options/${n}/mediaId`;
    const cases: [SurveyDefinitionInput, string, string][] = [
      [
        imageChoice([
          { id: 'a', label: 'A', mediaId: image },
          { id: 'b', label: 'B' },
        ]),
        at(1),
        'research.validation.imageNeeded',
      ],
      [
        imageChoice([{ id: 'a', label: 'A', mediaId: image, imageId: image }]),
        at(0),
        'research.validation.imageNeeded',
      ],
      [imageChoice([{ id: 'a', label: 'A', mediaId: video }]), at(0), 'research.validation.stimulusImage'],
    ];
    for (const [definition, path, key] of cases) {
      const error = await expectAppError(
        createSurvey({ ctx, community: community.slug, input: { title: 'Packs', definition } }),
        'validation_failed',
        path,
      );
      expect(error.fields.find((f) => f.path === path)?.key).toBe(key);
    }
  });

  it('serves members the pictures, takes their choice and counts it in the results', async () => {
    const { community, admin, member } = await researchCommunity();
    const green = (await seedSurveyMedia(community.id)).id;
    const blue = (await seedSurveyMedia(community.id)).id;
    const created = await createSurvey({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      input: {
        title: 'Packs',
        published: true,
        definition: imageChoice([
          { id: 'green', label: 'Green', mediaId: green },
          { id: 'blue', label: 'Blue', mediaId: blue },
        ]),
      },
    });
    const memberCtx = await ctxFor(member.user);
    const seen = await getSurvey({ ctx: memberCtx, community: community.slug, surveyId: created.id });
    expect(seen.media.map((m) => m.id).sort()).toEqual([green, blue].sort());
    await expectAppError(
      submitSurveyResponse({
        ctx: memberCtx,
        community: community.slug,
        surveyId: created.id,
        input: { pageId: 'p1', answers: { pack: 'red' } },
      }),
      'validation_failed',
      '/answers/pack',
    );
    await submitSurveyResponse({
      ctx: memberCtx,
      community: community.slug,
      surveyId: created.id,
      input: { pageId: 'p1', answers: { pack: 'blue' } },
    });
    const results = await getSurveyResults({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      surveyId: created.id,
    });
    expect(results.questions[0].options).toEqual([
      { id: 'green', label: 'Green', count: 0 },
      { id: 'blue', label: 'Blue', count: 1 },
    ]);
  });
});
