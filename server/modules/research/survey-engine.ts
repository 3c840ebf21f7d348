import { createHash } from 'node:crypto';
import type { MessageKey } from '../../../common/i18n/index.ts';
import { conditionHolds, isAnswered } from '../../../common/research/answer-conditions.ts';
import { AppError, type FieldError } from '../../platform/errors/app-error.ts';
import { isIsoDate } from '../panel/panel-rules.ts';
import { hotspotProblem, preferenceProblem } from './stimulus-rules.ts';
import {
  END_PAGE,
  type QuestionInput,
  type SurveyDefinitionInput,
  type SurveyPageInput,
} from './survey-definition.ts';

/** A respondent's answers by question id. */
export type Answers = Record<string, unknown>;

/** The questions of a page its respondent is shown (display logic on earlier answers). */
export function shownQuestions(page: SurveyPageInput, answers: Answers): QuestionInput[] {
  return page.questions.filter((q) => !q.showIf || conditionHolds(q.showIf, answers));
}

/** The page after `index` given the answers (skip logic), or -1 at the end. */
export function nextPageIndex(definition: SurveyDefinitionInput, index: number, answers: Answers): number {
  const page = definition.pages[index];
  for (const rule of page.skip ?? []) {
    if (!conditionHolds(rule.if, answers)) continue;
    if (rule.goTo === END_PAGE) return -1;
    return definition.pages.findIndex((p) => p.id === rule.goTo);
  }
  return index + 1 < definition.pages.length ? index + 1 : -1;
}

/** The indexes of the pages a respondent visits with these answers, in order. */
export function pagePath(definition: SurveyDefinitionInput, answers: Answers): number[] {
  const path: number[] = [];
  for (let i = 0; i >= 0 && path.length <= definition.pages.length; i = nextPageIndex(definition, i, answers))
    path.push(i);
  return path;
}

const problem = (key: MessageKey, params?: Record<string, number>) => ({ key, params });

/** Checks one answer against its question; returns the problem or null. File answers are upload ids. */
export function answerProblem(
  q: QuestionInput,
  value: unknown,
): { key: MessageKey; params?: Record<string, number> } | null {
  const ids = new Set((q.options ?? []).map((o) => o.id));
  switch (q.type) {
    case 'single':
    case 'image_choice':
      return typeof value === 'string' && ids.has(value) ? null : problem('validation.invalidChoice');
    case 'multiple': {
      if (
        !Array.isArray(value) ||
        new Set(value).size !== value.length ||
        !(value as unknown[]).every((v) => typeof v === 'string' && ids.has(v))
      )
        return problem('validation.invalidChoice');
      if (q.min !== undefined && value.length < q.min)
        return problem('research.validation.tooFewChoices', { limit: q.min });
      if (q.max !== undefined && value.length > q.max)
        return problem('research.validation.tooManyChoices', { limit: q.max });
      return null;
    }
    case 'scale':
    case 'nps': {
      const [min, max] = q.type === 'nps' ? [0, 10] : [q.min ?? 1, q.max ?? 5];
      return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
        ? null
        : problem('research.validation.outOfRange', { min, max });
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return problem('validation.invalidType');
      if (q.min !== undefined && value < q.min) return problem('validation.tooSmall', { limit: q.min });
      if (q.max !== undefined && value > q.max) return problem('validation.tooLarge', { limit: q.max });
      return null;
    case 'date':
      return isIsoDate(value) ? null : problem('research.validation.date');
    case 'text': {
      const limit = q.maxLength ?? 2000;
      if (typeof value !== 'string') return problem('validation.invalidType');
      return value.length > limit ? problem('validation.tooLong', { limit }) : null;
    }
    case 'ranking':
      return Array.isArray(value) &&
        value.length === ids.size &&
        new Set(value).size === value.length &&
        (value as unknown[]).every((v) => typeof v === 'string' && ids.has(v))
        ? null
        : problem('research.validation.rankAll');
    case 'matrix': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return problem('validation.invalidType');
      const rows = new Set((q.rows ?? []).map((r) => r.id));
      const entries = Object.entries(value as Record<string, unknown>);
      if (!entries.every(([row, col]) => rows.has(row) && typeof col === 'string' && ids.has(col)))
        return problem('validation.invalidChoice');
      return q.required && entries.length !== rows.size ? problem('research.validation.everyRow') : null;
    }
    case 'file':
      return typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value)
        ? null
        : problem('validation.invalidType');
    case 'hotspot':
      return hotspotProblem(q, value);
    case 'preference':
      return preferenceProblem(q, value);
  }
  return problem('validation.invalidType');
}

/**
 * Checks the answers given on one page against what the respondent is shown there: an unknown or
 * hidden question may not be answered, a required shown question must be, and every answer must fit its
 * question. `earlier` are the answers of the pages before (display logic reads them).
 * @throws AppError(validation_failed at /answers/<questionId>, every problem of the page at once)
 */
export function checkPageAnswers(page: SurveyPageInput, given: Answers, earlier: Answers): void {
  const shown = shownQuestions(page, earlier);
  const shownIds = new Set(shown.map((q) => q.id));
  const fields: FieldError[] = [];
  for (const id of Object.keys(given)) {
    if (!shownIds.has(id) && isAnswered(given[id])) {
      const known = page.questions.some((q) => q.id === id);
      fields.push({
        path: `/answers/${id}`,
        key: known ? 'research.validation.hiddenAnswered' : 'validation.unknownField',
      });
    }
  }
  for (const q of shown) {
    const value = given[q.id];
    if (!isAnswered(value)) {
      if (q.required) fields.push({ path: `/answers/${q.id}`, key: 'validation.required' });
      continue;
    }
    const found = answerProblem(q, value);
    if (found) fields.push({ path: `/answers/${q.id}`, key: found.key, params: found.params });
  }
  if (fields.length > 0) throw new AppError('validation_failed', { fields });
}

/** Keeps only the answered questions shown on a page (what is stored for it). */
export function keptAnswers(page: SurveyPageInput, given: Answers, earlier: Answers): Answers {
  const kept: Answers = {};
  for (const q of shownQuestions(page, earlier)) if (isAnswered(given[q.id])) kept[q.id] = given[q.id];
  return kept;
}

/**
 * The answers of a whole response, re-checked along the path its answers take: returns them restricted to
 * the pages visited, or throws on the first page that does not hold (a page left required-unanswered).
 * @throws AppError(validation_failed at /answers/<questionId>)
 */
export function checkWholeResponse(definition: SurveyDefinitionInput, answers: Answers): Answers {
  const kept: Answers = {};
  for (const index of pagePath(definition, answers)) {
    const page = definition.pages[index];
    const onPage: Answers = {};
    for (const q of page.questions) if (q.id in answers) onPage[q.id] = answers[q.id];
    checkPageAnswers(page, keptAnswers(page, onPage, kept), kept);
    Object.assign(kept, keptAnswers(page, onPage, kept));
  }
  return kept;
}

/** A question's choices in the order one respondent sees them (shuffled by a seed when randomised). */
export function orderedOptions<T extends { id: string }>(q: QuestionInput, options: T[], seed: string): T[] {
  if (!q.randomize) return options;
  const rank = (id: string) => createHash('sha256').update(`${seed}:${q.id}:${id}`).digest('hex');
  return [...options].sort((a, b) => (rank(a.id) < rank(b.id) ? -1 : 1));
}

/** Whether an answer counts as given (an empty text, list or grid does not). */
export const answered = isAnswered;
