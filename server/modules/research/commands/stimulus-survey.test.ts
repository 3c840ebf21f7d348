import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { olderSegment, researchCommunity, seedSurvey } from '../../../../test/research-fixtures.ts';
import {
  seedStimulusDefinition,
  seedSurveyMedia,
  stimulusDefinition,
} from '../../../../test/stimulus-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import type { SurveyDefinitionInput } from '../survey-definition.ts';
import { createSurvey } from './create-survey.ts';
import { exportSurveyResponses } from './export-survey-responses.ts';
import { getSurvey } from './get-survey.ts';
import { getSurveyResults } from './get-survey-results.ts';
import { submitSurveyResponse } from './submit-survey-response.ts';

beforeAll(() => testApp(), 180_000);

const like = (x: number, y: number, comment?: string) => ({
  x,
  y,
  kind: 'like',
  ...(comment ? { comment } : {}),
});
const dislike = (x: number, y: number) => ({ x, y, kind: 'dislike' });

/** A published stimulus test answered by the two members of a research community. */
async function answeredStimulusTest() {
  const f = await researchCommunity();
  const { definition, media } = await seedStimulusDefinition(f.community.id);
  const survey = await seedSurvey(f.community.id, { definition });
  const answer = async (p: typeof f.member, answers: Record<string, unknown>) =>
    submitSurveyResponse({
      ctx: await ctxFor(p.user),
      community: f.community.slug,
      surveyId: survey.id,
      input: { pageId: 'p1', answers },
    });
  await answer(f.member, {
    spots: [like(0.25, 0.4, 'Love the colour'), dislike(0.9, 0.1)],
    appeal: 4,
    pick: { choice: 'a', why: 'The green label is lovely and clear' },
  });
  await answer(f.other, { spots: [like(0.3, 0.45)], appeal: 2, pick: { choice: 'b' } });
  return { ...f, survey, media };
}

describe('stimulus tests: createSurvey', () => {
  it('refuses stimulus questions that do not hold together, with the field paths and keys', async () => {
    const { community, admin, elsewhere } = await researchCommunity();
    const ctx = await ctxFor(admin.user);
    const image = (await seedSurveyMedia(community.id)).id;
    const video = (await seedSurveyMedia(community.id, 'video')).id;
    const foreign = (await seedSurveyMedia(elsewhere.id)).id;
    const base = stimulusDefinition({ image, a: image, b: video });
    const change = (question: number, patch: object): SurveyDefinitionInput => ({
      pages: [
        {
          ...base.pages[0],
          questions: base.pages[0].questions.map((q, i) => (i === question ? { ...q, ...patch } : q)),
        },
      ],
    });
    const q = (i: number, rest: string) => `/definition/pages/0/questions/${i}/${rest}`;
    const cases: [SurveyDefinitionInput, string, string][] = [
      [change(0, { stimulus: undefined }), q(0, 'stimulus'), 'research.validation.stimulusNeeded'],
      [change(0, { max: 21 }), q(0, 'max'), 'research.validation.markerLimit'],
      [
        change(0, { stimulus: { mediaId: video } }),
        q(0, 'stimulus/mediaId'),
        'research.validation.stimulusImage',
      ],
      [
        change(1, { stimulus: { mediaId: foreign } }),
        q(1, 'stimulus/mediaId'),
        'research.validation.mediaUnknown',
      ],
      [
        change(1, { stimulus: { mediaId: newId() } }),
        q(1, 'stimulus/mediaId'),
        'research.validation.mediaUnknown',
      ],
      [
        change(2, { options: [{ id: 'a', label: 'A', mediaId: image }] }),
        q(2, 'options'),
        'research.validation.twoVariants',
      ],
      [
        change(2, {
          options: [
            { id: 'a', label: 'A', mediaId: image },
            { id: 'b', label: 'B' },
          ],
        }),
        q(2, 'options/1/mediaId'),
        'research.validation.variantMedia',
      ],
      [
        change(1, {
          type: 'single',
          stimulus: undefined,
          options: [{ id: 'x', label: 'X', mediaId: image }],
        }),
        q(1, 'options/0/mediaId'),
        'validation.unknownField',
      ],
    ];
    for (const [definition, path, key] of cases) {
      const error = await expectAppError(
        createSurvey({ ctx, community: community.slug, input: { title: 'Pack test', definition } }),
        'validation_failed',
        path,
      );
      expect(error.fields.find((f) => f.path === path)?.key).toBe(key);
    }
  });

  it('is not found for an unknown community and forbidden to members and observers', async () => {
    const { community, member, observer, admin } = await researchCommunity();
    const { definition } = await seedStimulusDefinition(community.id);
    const input = { title: 'Pack test', definition };
    await expectAppError(
      createSurvey({ ctx: await ctxFor(admin.user), community: `nope-${newId().slice(-8)}`, input }),
      'not_found',
    );
    for (const p of [member, observer])
      await expectAppError(
        createSurvey({ ctx: await ctxFor(p.user), community: community.slug, input }),
        'forbidden',
      );
  });

  it('creates a stimulus test and serves respondents the files it shows', async () => {
    const { community, admin, member } = await researchCommunity();
    const { definition, media } = await seedStimulusDefinition(community.id);
    const created = await createSurvey({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      input: { title: 'Pack test', definition, published: true },
    });
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([
      'survey.created',
      'survey.published',
    ]);
    const seen = await getSurvey({
      ctx: await ctxFor(member.user),
      community: community.slug,
      surveyId: created.id,
    });
    expect(seen.definition.pages[0].questions[0].stimulus).toEqual({
      mediaId: media.image,
      caption: 'The new pack',
    });
    expect(seen.media.map((m) => [m.id, m.kind]).sort()).toEqual(
      [
        [media.image, 'image'],
        [media.a, 'image'],
        [media.b, 'video'],
      ].sort(),
    );
    expect(seen.media[0].url).toMatch(new RegExp(`^/api/v1/communities/${community.id}/survey-media/`));
  });
});

describe('stimulus tests: submitSurveyResponse', () => {
  it('refuses markers off the image, too many markers, bad kinds and a choice that is no variant', async () => {
    const { community, member } = await researchCommunity();
    const { definition } = await seedStimulusDefinition(community.id);
    const survey = await seedSurvey(community.id, { definition });
    const ctx = await ctxFor(member.user);
    const good = { spots: [like(0.5, 0.5)], appeal: 3, pick: { choice: 'a' } };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...good, spots: [like(1.2, 0.5)] }, '/answers/spots', 'research.validation.markerOutside'],
      [{ ...good, spots: [like(0.5, -0.1)] }, '/answers/spots', 'research.validation.markerOutside'],
      [
        { ...good, spots: [like(0.1, 0.1), like(0.2, 0.2), like(0.3, 0.3), like(0.4, 0.4)] },
        '/answers/spots',
        'research.validation.tooManyMarkers',
      ],
      [
        { ...good, spots: [{ x: 0.5, y: 0.5, kind: 'love' }] },
        '/answers/spots',
        'research.validation.marker',
      ],
      [{ ...good, pick: { choice: 'c' } }, '/answers/pick', 'validation.invalidChoice'],
      [{ ...good, pick: 'a' }, '/answers/pick', 'validation.invalidType'],
      [{ ...good, pick: undefined }, '/answers/pick', 'validation.required'],
    ];
    for (const [answers, path, key] of cases) {
      const error = await expectAppError(
        submitSurveyResponse({
          ctx,
          community: community.slug,
          surveyId: survey.id,
          input: { pageId: 'p1', answers },
        }),
        'validation_failed',
        path,
      );
      expect(error.fields.find((f) => f.path === path)?.key).toBe(key);
    }
  });

  it('is not found for another community’s survey and forbidden to observers', async () => {
    const { community, member, observer, elsewhere } = await researchCommunity();
    const foreign = await seedSurvey(elsewhere.id, {
      definition: (await seedStimulusDefinition(elsewhere.id)).definition,
    });
    const input = { pageId: 'p1', answers: { appeal: 3 } };
    await expectAppError(
      submitSurveyResponse({
        ctx: await ctxFor(member.user),
        community: community.slug,
        surveyId: foreign.id,
        input,
      }),
      'not_found',
    );
    const own = await seedSurvey(community.id, {
      definition: (await seedStimulusDefinition(community.id)).definition,
    });
    await expectAppError(
      submitSurveyResponse({
        ctx: await ctxFor(observer.user),
        community: community.slug,
        surveyId: own.id,
        input,
      }),
      'forbidden',
    );
  });

  it('stores the markers and the preference, and emits survey.completed', async () => {
    const { community, member, survey } = await answeredStimulusTest();
    const events = (await outboxEventsOf(community.id)).filter((e) => e.type === 'survey.completed');
    expect(events).toHaveLength(2);
    const mine = await getSurvey({
      ctx: await ctxFor(member.user),
      community: community.slug,
      surveyId: survey.id,
    });
    expect(mine.response?.answers.spots).toEqual([like(0.25, 0.4, 'Love the colour'), dislike(0.9, 0.1)]);
    expect(mine.response?.answers.pick).toEqual({ choice: 'a', why: 'The green label is lovely and clear' });
  });
});

describe('stimulus tests: getSurveyResults and exportSurveyResponses', () => {
  it('keeps results and export from members of the survey', async () => {
    const { community, member, survey } = await answeredStimulusTest();
    const args = { ctx: await ctxFor(member.user), community: community.slug, surveyId: survey.id };
    await expectAppError(getSurveyResults(args), 'forbidden');
    await expectAppError(exportSurveyResponses(args), 'forbidden');
    await expectAppError(getSurveyResults({ ...args, surveyId: newId() }), 'not_found');
  });

  it('gives staff the markers with comments and the preference shares, by segment too', async () => {
    const { community, admin, observer, member, survey } = await answeredStimulusTest();
    const results = await getSurveyResults({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      surveyId: survey.id,
    });
    const [spots, appeal, pick] = results.questions;
    expect(spots.type).toBe('hotspot');
    expect(spots.answered).toBe(2);
    expect(spots.markers).toEqual([
      { x: 0.25, y: 0.4, kind: 'like', comment: 'Love the colour' },
      { x: 0.9, y: 0.1, kind: 'dislike', comment: null },
      { x: 0.3, y: 0.45, kind: 'like', comment: null },
    ]);
    expect(appeal.mean).toBe(3);
    expect(pick.options).toEqual([
      { id: 'a', label: 'Green label', count: 1 },
      { id: 'b', label: 'Blue label', count: 1 },
    ]);
    expect(pick.texts?.map((x) => [x.text, x.sentiment, typeof x.respondent])).toEqual([
      ['Green label — The green label is lovely and clear', 'positive', 'string'],
    ]);
    const forObserver = await getSurveyResults({
      ctx: await ctxFor(observer.user),
      community: community.slug,
      surveyId: survey.id,
    });
    expect(forObserver.questions[2].texts?.[0].respondent).toBeNull();

    const segment = await olderSegment(community.id, [member.memberId]);
    const older = await getSurveyResults({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      surveyId: survey.id,
      query: { segment: segment.id },
    });
    expect(older.questions[0].markers).toHaveLength(2);
    expect(older.questions[2].options?.map((o) => o.count)).toEqual([1, 0]);
  });

  it('exports the markers readably and the preference with its reason', async () => {
    const { community, admin, survey } = await answeredStimulusTest();
    const csv = await exportSurveyResponses({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      surveyId: survey.id,
    });
    let text = '';
    for await (const line of csv.lines) text += line;
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header).toBe('response_id,respondent,completed_at,duration_seconds,spots,appeal,pick,pick.why');
    expect(rows).toHaveLength(2);
    expect(text).toContain('like (0.25, 0.40) ""Love the colour"" | dislike (0.90, 0.10)');
    expect(text).toContain(',a,The green label is lovely and clear');
    expect(text).toContain('"like (0.30, 0.45)",2,b,');
  });
});
