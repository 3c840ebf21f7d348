import { describe, expect, it } from 'vitest';
import { CAREFUL_ANSWERS, CARELESS_ANSWERS, CHECKED_SURVEY } from '../../../test/panel-fixtures.ts';
import type { AppError } from '../../platform/errors/app-error.ts';
import { analyseResponse } from './response-quality.ts';
import { checkDefinition, type SurveyDefinitionInput } from './survey-definition.ts';

function fieldOf(definition: SurveyDefinitionInput): string | undefined {
  try {
    checkDefinition(definition);
    return undefined;
  } catch (error) {
    return (error as AppError).fields[0]?.path;
  }
}

describe('trap and repeated questions, straight-lining', () => {
  it('accepts the checks on the question types that allow them and refuses the others', () => {
    expect(fieldOf(CHECKED_SURVEY)).toBeUndefined();
    const withQuestion = (q: object, page = 0): SurveyDefinitionInput => {
      const copy = structuredClone(CHECKED_SURVEY);
      Object.assign(copy.pages[page].questions[page === 0 ? 1 : 0], q);
      return copy;
    };
    expect(fieldOf(withQuestion({ trap: { expected: 9 } }))).toBe(
      '/definition/pages/0/questions/1/trap/expected',
    );
    expect(fieldOf(withQuestion({ type: 'text', trap: { expected: 'x' } }))).toBe(
      '/definition/pages/0/questions/1/trap',
    );
    expect(fieldOf(withQuestion({ repeatOf: 'nowhere' }, 1))).toBe(
      '/definition/pages/1/questions/0/repeatOf',
    );
    expect(fieldOf(withQuestion({ repeatOf: 'attention' }, 1))).toBe(
      '/definition/pages/1/questions/0/repeatOf',
    );
  });

  it('counts failed checks and straight-lined matrices, and nothing for careful answers', () => {
    expect(analyseResponse(CHECKED_SURVEY, CAREFUL_ANSWERS)).toEqual({
      checks: 2,
      failedChecks: 0,
      grids: 1,
      straightLined: 0,
    });
    expect(analyseResponse(CHECKED_SURVEY, CARELESS_ANSWERS)).toEqual({
      checks: 2,
      failedChecks: 2,
      grids: 1,
      straightLined: 1,
    });
    expect(analyseResponse(CHECKED_SURVEY, { often: 'daily' })).toEqual({
      checks: 0,
      failedChecks: 0,
      grids: 0,
      straightLined: 0,
    });
  });
});
