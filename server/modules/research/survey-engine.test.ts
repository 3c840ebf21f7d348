import { describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors/app-error.ts';
import { checkDefinition, type SurveyDefinitionInput } from './survey-definition.ts';
import { checkPageAnswers, checkWholeResponse, pagePath } from './survey-engine.ts';

const definition: SurveyDefinitionInput = {
  pages: [
    {
      id: 'a',
      questions: [
        { id: 'kids', type: 'number', title: 'Children?', required: true, min: 0, max: 20 },
        {
          id: 'ranked',
          type: 'ranking',
          title: 'Rank',
          required: false,
          options: [
            { id: 'x', label: 'X' },
            { id: 'y', label: 'Y' },
          ],
        },
      ],
      skip: [{ if: { question: 'kids', op: 'lte', value: 0 }, goTo: 'c' }],
    },
    {
      id: 'b',
      questions: [
        {
          id: 'ages',
          type: 'text',
          title: 'Their ages',
          required: true,
          showIf: { question: 'kids', op: 'gte', value: 2 },
        },
        {
          id: 'grid',
          type: 'matrix',
          title: 'Grid',
          required: true,
          rows: [
            { id: 'r1', label: 'R1' },
            { id: 'r2', label: 'R2' },
          ],
          options: [{ id: 'ok', label: 'OK' }],
        },
      ],
    },
    { id: 'c', questions: [{ id: 'when', type: 'date', title: 'When?', required: false }] },
  ],
};

const fieldsOf = (work: () => void) => {
  try {
    work();
  } catch (error) {
    return (error as AppError).fields.map((f) => `${f.path}:${f.key}`);
  }
  return [];
};

describe('survey engine', () => {
  it('accepts a coherent definition', () => {
    expect(() => checkDefinition(definition)).not.toThrow();
  });

  it('skips pages and hides questions from earlier answers', () => {
    expect(pagePath(definition, { kids: 0 })).toEqual([0, 2]);
    expect(pagePath(definition, { kids: 1 })).toEqual([0, 1, 2]);
    expect(
      fieldsOf(() =>
        checkPageAnswers(definition.pages[1], { ages: '3', grid: { r1: 'ok', r2: 'ok' } }, { kids: 1 }),
      ),
    ).toEqual(['/answers/ages:research.validation.hiddenAnswered']);
    expect(
      fieldsOf(() => checkPageAnswers(definition.pages[1], { grid: { r1: 'ok' } }, { kids: 3 })),
    ).toEqual(['/answers/ages:validation.required', '/answers/grid:research.validation.everyRow']);
  });

  it('checks types and ranges of every answer', () => {
    expect(fieldsOf(() => checkPageAnswers(definition.pages[0], { kids: 21, ranked: ['x'] }, {}))).toEqual([
      '/answers/kids:validation.tooLarge',
      '/answers/ranked:research.validation.rankAll',
    ]);
    expect(fieldsOf(() => checkPageAnswers(definition.pages[2], { when: '2024-02-30' }, {}))).toEqual([
      '/answers/when:research.validation.date',
    ]);
  });

  it('drops answers left off the path when the whole response is checked', () => {
    expect(
      checkWholeResponse(definition, {
        kids: 0,
        ages: 'stale',
        grid: { r1: 'ok', r2: 'ok' },
        when: '2024-02-01',
      }),
    ).toEqual({
      kids: 0,
      when: '2024-02-01',
    });
  });
});
