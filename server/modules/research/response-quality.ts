import type { QuestionInput, SurveyDefinitionInput } from './survey-definition.ts';
import type { Answers } from './survey-engine.ts';

/** A matrix with at least this many rows answered, all in one column, counts as straight-lined. */
export const STRAIGHT_LINE_MIN_ROWS = 4;

/** What one completed response says about its respondent's attention (the reliability score's inputs). */
export interface ResponseQuality {
  /** Trap and repeated questions answered (each is one consistency check)… */
  checks: number;
  /** …and how many of them were answered wrongly or differently from the first time. */
  failedChecks: number;
  /** Matrix questions with enough answered rows to judge… */
  grids: number;
  /** …and how many of them had every row answered in the same column. */
  straightLined: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function isStraightLined(question: QuestionInput, answer: unknown): boolean | null {
  if (question.type !== 'matrix' || typeof answer !== 'object' || answer === null) return null;
  const columns = Object.values(answer as Record<string, unknown>);
  if (columns.length < STRAIGHT_LINE_MIN_ROWS) return null;
  return columns.every((c) => same(c, columns[0]));
}

/**
 * Analyses one completed response against its survey's definition: trap questions answered otherwise than
 * expected, repeated questions answered differently from their original, and matrices answered in a
 * straight line. Questions left unanswered (off the path, optional) are not counted.
 */
export function analyseResponse(definition: SurveyDefinitionInput, answers: Answers): ResponseQuality {
  const quality: ResponseQuality = { checks: 0, failedChecks: 0, grids: 0, straightLined: 0 };
  for (const page of definition.pages) {
    for (const q of page.questions) {
      if (!(q.id in answers)) continue;
      const answer = answers[q.id];
      if (q.trap) {
        quality.checks += 1;
        if (!same(answer, q.trap.expected)) quality.failedChecks += 1;
      }
      if (q.repeatOf && q.repeatOf in answers) {
        quality.checks += 1;
        if (!same(answer, answers[q.repeatOf])) quality.failedChecks += 1;
      }
      const straight = isStraightLined(q, answer);
      if (straight !== null) {
        quality.grids += 1;
        if (straight) quality.straightLined += 1;
      }
    }
  }
  return quality;
}
