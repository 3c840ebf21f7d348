import { describe, expect, it } from 'vitest';
import { markersText } from './survey-csv.ts';
import { aggregateResults, MAX_MARKERS, type ResponseForResults } from './survey-results.ts';
import { hotspotProblem, preferenceProblem } from './stimulus-rules.ts';
import type { QuestionInput, SurveyDefinitionInput } from './survey-definition.ts';

const hotspot: QuestionInput = {
  id: 'spots',
  type: 'hotspot',
  title: 'Where?',
  required: true,
  stimulus: { mediaId: '01900000-0000-7000-8000-000000000001' },
};
const preference: QuestionInput = {
  id: 'pick',
  type: 'preference',
  title: 'Which?',
  required: true,
  options: [
    { id: 'a', label: 'A', mediaId: '01900000-0000-7000-8000-000000000002' },
    { id: 'b', label: 'B', mediaId: '01900000-0000-7000-8000-000000000003' },
  ],
};
const definition: SurveyDefinitionInput = { pages: [{ id: 'p1', questions: [hotspot, preference] }] };
const response = (answers: Record<string, unknown>, sentiment = 0): ResponseForResults => ({
  answers,
  sentiments: { pick: sentiment },
  respondent: 'pseudo',
});

describe('stimulus results aggregation', () => {
  const responses = [
    response(
      { spots: [{ x: 0.1, y: 0.2, kind: 'like', comment: 'Nice' }], pick: { choice: 'a', why: 'Great' } },
      0.6,
    ),
    response({ spots: [{ x: 0.5, y: 0.5, kind: 'dislike' }], pick: { choice: 'a' } }),
    response({ pick: { choice: 'b', why: 'Awful' } }, -0.5),
  ];

  it('lists markers (comments only with texts) and counts the variants with their reasons', () => {
    const [spots, pick] = aggregateResults(definition, responses, true);
    expect(spots).toMatchObject({ answered: 2 });
    expect(spots.markers).toEqual([
      { x: 0.1, y: 0.2, kind: 'like', comment: 'Nice' },
      { x: 0.5, y: 0.5, kind: 'dislike', comment: null },
    ]);
    expect(pick.answered).toBe(3);
    expect(pick.options).toEqual([
      { id: 'a', label: 'A', count: 2 },
      { id: 'b', label: 'B', count: 1 },
    ]);
    expect(pick.texts).toEqual([
      { text: 'B — Awful', sentiment: 'negative', respondent: 'pseudo' },
      { text: 'A — Great', sentiment: 'positive', respondent: 'pseudo' },
    ]);
    const [plainSpots, plainPick] = aggregateResults(definition, responses, false);
    expect(plainSpots.markers?.map((m) => m.comment)).toEqual([null, null]);
    expect(plainPick.texts).toBeUndefined();
  });

  it('draws at most the newest MAX_MARKERS markers', () => {
    const many = Array.from({ length: MAX_MARKERS + 3 }, (_, i) =>
      response({ spots: [{ x: i / (MAX_MARKERS + 3), y: 0, kind: 'like' }] }),
    );
    const [spots] = aggregateResults(definition, many, false);
    expect(spots.markers).toHaveLength(MAX_MARKERS);
    expect(spots.markers?.[0].x).toBeCloseTo(3 / (MAX_MARKERS + 3));
  });

  it('writes markers readably for the CSV', () => {
    expect(
      markersText([
        { x: 0.1, y: 0.25, kind: 'like', comment: 'Nice | "bold"' },
        { x: 1, y: 0, kind: 'dislike' },
      ]),
    ).toBe('like (0.10, 0.25) "Nice    bold " | dislike (1.00, 0.00)');
    expect(markersText(undefined)).toBeUndefined();
  });
});

describe('stimulus answer checks', () => {
  it('checks markers: shape, kind, bounds, count and comment length', () => {
    const ok = { x: 0, y: 1, kind: 'like' };
    expect(hotspotProblem(hotspot, [ok])).toBeNull();
    expect(hotspotProblem(hotspot, 'x')?.key).toBe('validation.invalidType');
    expect(hotspotProblem(hotspot, [{ ...ok, x: 1.01 }])?.key).toBe('research.validation.markerOutside');
    expect(hotspotProblem(hotspot, [{ ...ok, y: Number.NaN }])?.key).toBe(
      'research.validation.markerOutside',
    );
    expect(hotspotProblem(hotspot, [{ ...ok, kind: 'meh' }])?.key).toBe('research.validation.marker');
    expect(hotspotProblem(hotspot, [{ ...ok, extra: 1 }])?.key).toBe('research.validation.marker');
    expect(hotspotProblem(hotspot, Array(6).fill(ok))).toEqual({
      key: 'research.validation.tooManyMarkers',
      params: { limit: 5 },
    });
    expect(hotspotProblem({ ...hotspot, max: 1 }, [ok, ok])?.params).toEqual({ limit: 1 });
    expect(hotspotProblem(hotspot, [{ ...ok, comment: 'x'.repeat(281) }])?.key).toBe('validation.tooLong');
  });

  it('checks preferences: a variant, an optional reason', () => {
    expect(preferenceProblem(preference, { choice: 'b' })).toBeNull();
    expect(preferenceProblem(preference, { choice: 'b', why: 'x'.repeat(1001) })?.key).toBe(
      'validation.tooLong',
    );
    expect(preferenceProblem(preference, { choice: 'c' })?.key).toBe('validation.invalidChoice');
    expect(preferenceProblem(preference, { choice: 'a', other: 1 })?.key).toBe('validation.invalidType');
  });
});
