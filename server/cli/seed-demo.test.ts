import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedKernel } from '../../test/helpers.ts';
import type { Kernel } from '../platform/kernel.ts';
import { aggregateResults } from '../modules/research/survey-results.ts';
import type { SurveyDefinitionInput } from '../modules/research/survey-definition.ts';
import { seedDemo } from './seed-demo.ts';

let kernel: Kernel;
beforeAll(async () => {
  kernel = await isolatedKernel();
}, 180_000);
afterAll(async () => kernel.close());

describe('the demo seed', () => {
  it('adds a French survey, a stimulus test with its image and a poll, answered, and runs once', async () => {
    await seedDemo(kernel);
    const surveys = await kernel.db
      .selectFrom('surveys')
      .innerJoin('communities', 'communities.id', 'surveys.community_id')
      .select(['surveys.id', 'surveys.kind', 'surveys.title', 'surveys.definition'])
      .where('communities.slug', '=', 'veloce')
      .orderBy('surveys.title')
      .execute();
    expect(surveys.map((s) => s.kind).sort()).toEqual(['poll', 'survey', 'survey']);
    const responses = await kernel.db
      .selectFrom('survey_responses')
      .select(['survey_id', 'answers', 'sentiments', 'status'])
      .where(
        'survey_id',
        'in',
        surveys.map((s) => s.id),
      )
      .execute();
    for (const s of surveys) expect(responses.filter((r) => r.survey_id === s.id).length).toBeGreaterThan(3);
    expect(responses.every((r) => r.status === 'completed')).toBe(true);
    // Open answers have their sentiment, positive and negative both.
    const scores = responses.flatMap((r) => Object.values(r.sentiments as Record<string, number>));
    expect(scores.some((n) => n > 0.05)).toBe(true);
    expect(scores.some((n) => n < -0.05)).toBe(true);
    // The stimulus test shows a real PNG stored on disk.
    const media = await kernel.db.selectFrom('survey_media').selectAll().execute();
    expect(media).toHaveLength(1);
    expect([media[0].kind, media[0].width, media[0].height]).toEqual(['image', 320, 200]);
    const test = surveys.find((s) => s.title.startsWith('Test'))!;
    const types = (test.definition as SurveyDefinitionInput).pages[0].questions.map((q) => q.type);
    expect(types).toEqual(['hotspot', 'scale', 'preference']);
    // Results are not empty.
    const main = surveys.find((s) => s.title.startsWith('Votre vélo'))!;
    const results = aggregateResults(
      main.definition as SurveyDefinitionInput,
      responses
        .filter((r) => r.survey_id === main.id)
        .map((r) => ({
          answers: r.answers as Record<string, unknown>,
          sentiments: r.sentiments as Record<string, number>,
          respondent: null,
        })),
      true,
    );
    expect(results.find((q) => q.id === 'nps')?.answered).toBe(7);
    expect(await seedDemo(kernel)).toMatch(/already exists/);
    expect(await kernel.db.selectFrom('survey_media').select('id').execute()).toHaveLength(1);
  });
});
