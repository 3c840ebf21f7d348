import { Type, type Static } from 'typebox';
import { QUESTION_TYPES } from '../../../common/research/question-types.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { checkStimulusQuestion } from './stimulus-rules.ts';

const Key = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[a-zA-Z0-9_-]+$',
  'x-message': 'research.validation.key',
});

/** A question type. */
export type QuestionType = (typeof QUESTION_TYPES)[number];
export { QUESTION_TYPES };

/** A condition on an earlier answer: display logic ("show if") and skip logic ("go to … if"). */
export const AnswerCondition = Type.Object(
  {
    question: Key,
    op: Type.Union([
      Type.Literal('equals'),
      Type.Literal('not_equals'),
      Type.Literal('includes'),
      Type.Literal('gte'),
      Type.Literal('lte'),
      Type.Literal('answered'),
    ]),
    value: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Number()])),
  },
  { additionalProperties: false },
);
/** A condition on an answer (type). */
export type AnswerConditionInput = Static<typeof AnswerCondition>;

const Choice = Type.Object(
  {
    id: Key,
    label: Type.String({ minLength: 1, maxLength: 300 }),
    /** For image choices: an image uploaded to the community (its upload id). */
    imageId: Type.Optional(Type.String({ format: 'uuid' })),
    /**
     * For the variants of a preference question, or an image choice's picture: a stimulus file of the
     * community (its media id; an image choice's must be an image or a logo).
     */
    mediaId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

/** One question. Which optional fields apply depends on its type (checked by `checkDefinition`). */
export const Question = Type.Object(
  {
    id: Key,
    type: Type.Union([
      Type.Literal('single'),
      Type.Literal('multiple'),
      Type.Literal('scale'),
      Type.Literal('nps'),
      Type.Literal('matrix'),
      Type.Literal('text'),
      Type.Literal('ranking'),
      Type.Literal('number'),
      Type.Literal('date'),
      Type.Literal('image_choice'),
      Type.Literal('file'),
      Type.Literal('hotspot'),
      Type.Literal('preference'),
    ]),
    title: Type.String({ minLength: 1, maxLength: 500 }),
    help: Type.Optional(Type.String({ maxLength: 1000 })),
    required: Type.Boolean(),
    /**
     * A stimulus shown with the question: an image, logo, video or sound uploaded to the community's
     * survey media, with an optional caption. A hotspot question needs one, an image or a logo.
     */
    stimulus: Type.Optional(
      Type.Object(
        { mediaId: Type.String({ format: 'uuid' }), caption: Type.Optional(Type.String({ maxLength: 300 })) },
        { additionalProperties: false },
      ),
    ),
    /** Choices (single, multiple, ranking, image choice), a preference's two variants, a matrix's columns. */
    options: Type.Optional(Type.Array(Choice, { maxItems: 50 })),
    /** The rows of a matrix. */
    rows: Type.Optional(Type.Array(Choice, { maxItems: 30 })),
    /**
     * Bounds: scale points (default 1–5), numbers, how many choices a multiple question takes, or how many
     * markers a hotspot question takes (`max`, default 5, at most 20).
     */
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    minLabel: Type.Optional(Type.String({ maxLength: 100 })),
    maxLabel: Type.Optional(Type.String({ maxLength: 100 })),
    /** Show the choices in a random order, the same for one respondent on every visit. */
    randomize: Type.Optional(Type.Boolean()),
    /** Display logic: shown only when the condition on an answer of an earlier page holds. */
    showIf: Type.Optional(AnswerCondition),
    /** Open text: at most this many characters (default 2000, at most 10,000). */
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    /**
     * A trap (attention check): the answer an attentive respondent gives (a choice id or a number). A
     * different answer lowers the respondent's reliability score. Single, scale, NPS and number only.
     */
    trap: Type.Optional(
      Type.Object(
        { expected: Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Number()]) },
        { additionalProperties: false },
      ),
    ),
    /**
     * Repeats a question of an earlier page (same type and choices): a different answer counts as
     * inconsistent in the respondent's reliability score.
     */
    repeatOf: Type.Optional(Key),
  },
  { additionalProperties: false },
);
/** One question (type). */
export type QuestionInput = Static<typeof Question>;

/** Skip logic: after this page, go to a later page (or the end) when the condition holds. */
export const SkipRule = Type.Object(
  {
    if: AnswerCondition,
    goTo: Key,
  },
  { additionalProperties: false },
);

/** One page of questions, with its skip rules (the first that holds wins). */
export const SurveyPage = Type.Object(
  {
    id: Key,
    title: Type.Optional(Type.String({ maxLength: 200 })),
    questions: Type.Array(Question, { minItems: 1, maxItems: 50 }),
    skip: Type.Optional(Type.Array(SkipRule, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
/** One page (type). */
export type SurveyPageInput = Static<typeof SurveyPage>;

/** A survey's definition: its pages in order. */
export const SurveyDefinition = Type.Object(
  { pages: Type.Array(SurveyPage, { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);
/** A survey's definition (type). */
export type SurveyDefinitionInput = Static<typeof SurveyDefinition>;

/** The special `goTo` target that ends the survey. */
export const END_PAGE = 'end';

const CHOICE_TYPES: readonly QuestionType[] = [
  'single',
  'multiple',
  'ranking',
  'image_choice',
  'matrix',
  'preference',
];

function checkQuestion(q: QuestionInput, at: string): void {
  const options = q.options ?? [];
  if (CHOICE_TYPES.includes(q.type)) {
    if (options.length < (q.type === 'ranking' ? 2 : 1))
      throw AppError.field(`${at}/options`, 'research.validation.optionsNeeded');
    if (new Set(options.map((o) => o.id)).size !== options.length)
      throw AppError.field(`${at}/options`, 'research.validation.duplicateId');
  } else if (options.length > 0) throw AppError.field(`${at}/options`, 'validation.unknownField');
  if (q.type === 'image_choice') {
    const missing = options.findIndex((o) => !o.imageId === !o.mediaId);
    if (missing >= 0)
      throw AppError.field(`${at}/options/${missing}/mediaId`, 'research.validation.imageNeeded');
  }
  if (q.type === 'matrix') {
    const rows = q.rows ?? [];
    if (rows.length === 0) throw AppError.field(`${at}/rows`, 'research.validation.optionsNeeded');
    if (new Set(rows.map((o) => o.id)).size !== rows.length)
      throw AppError.field(`${at}/rows`, 'research.validation.duplicateId');
  } else if (q.rows) throw AppError.field(`${at}/rows`, 'validation.unknownField');
  if (q.type === 'scale') {
    const min = q.min ?? 1;
    const max = q.max ?? 5;
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max > 10 || max - min < 1)
      throw AppError.field(`${at}/max`, 'research.validation.scaleRange');
  }
  if (q.min !== undefined && q.max !== undefined && q.min > q.max)
    throw AppError.field(`${at}/max`, 'research.validation.bounds');
  if (q.type === 'multiple' && q.max !== undefined && q.max > options.length)
    throw AppError.field(`${at}/max`, 'research.validation.bounds');
  if (q.trap) checkTrap(q, at);
  checkStimulusQuestion(q, at);
}

const CHECKABLE_TYPES: readonly QuestionType[] = ['single', 'scale', 'nps', 'number'];

function checkTrap(q: QuestionInput, at: string): void {
  const expected = q.trap!.expected;
  if (!CHECKABLE_TYPES.includes(q.type)) throw AppError.field(`${at}/trap`, 'research.validation.trapType');
  const fits =
    q.type === 'single'
      ? (q.options ?? []).some((o) => o.id === expected)
      : typeof expected === 'number' &&
        (q.type !== 'nps' || (Number.isInteger(expected) && expected >= 0 && expected <= 10)) &&
        (q.type !== 'scale' || (expected >= (q.min ?? 1) && expected <= (q.max ?? 5)));
  if (!fits) throw AppError.field(`${at}/trap/expected`, 'validation.invalidChoice');
}

function checkRepeat(q: QuestionInput, at: string, earlier: Map<string, QuestionInput>): void {
  const original = earlier.get(q.repeatOf!);
  if (!original) throw AppError.field(`${at}/repeatOf`, 'research.validation.earlierQuestion');
  const sameChoices = (a: QuestionInput, b: QuestionInput) =>
    JSON.stringify((a.options ?? []).map((o) => o.id).sort()) ===
    JSON.stringify((b.options ?? []).map((o) => o.id).sort());
  if (!CHECKABLE_TYPES.includes(q.type) || original.type !== q.type || !sameChoices(q, original))
    throw AppError.field(`${at}/repeatOf`, 'research.validation.repeatShape');
}

function checkCondition(
  condition: AnswerConditionInput,
  at: string,
  known: Map<string, QuestionInput>,
): void {
  const target = known.get(condition.question);
  if (!target) throw AppError.field(`${at}/question`, 'research.validation.earlierQuestion');
  if (condition.op !== 'answered' && condition.value === undefined)
    throw AppError.field(`${at}/value`, 'validation.required');
}

/**
 * Checks what a schema cannot: unique page and question ids, the fields each type needs, display logic
 * that looks only at questions of earlier pages (so a page is complete when served, without JavaScript),
 * and skip rules that look at this page or earlier ones and jump forward only (no loops). Without
 * `stimuli` (recruitment screeners), stimulus questions and stimuli are refused.
 * @throws AppError(validation_failed at /definition/pages/N/…)
 */
export function checkDefinition(
  definition: SurveyDefinitionInput,
  prefix = '/definition',
  { stimuli = true }: { stimuli?: boolean } = {},
): void {
  const pageIds = definition.pages.map((p) => p.id);
  if (new Set(pageIds).size !== pageIds.length || pageIds.includes(END_PAGE))
    throw AppError.field(`${prefix}/pages`, 'research.validation.duplicateId');
  const earlier = new Map<string, QuestionInput>();
  const seen = new Set<string>();
  definition.pages.forEach((page, p) => {
    const at = `${prefix}/pages/${p}`;
    page.questions.forEach((q, i) => {
      const qAt = `${at}/questions/${i}`;
      if (seen.has(q.id)) throw AppError.field(`${qAt}/id`, 'research.validation.duplicateId');
      seen.add(q.id);
      checkQuestion(q, qAt);
      if (!stimuli && (q.type === 'hotspot' || q.type === 'preference' || q.stimulus))
        throw AppError.field(`${qAt}/type`, 'research.validation.noStimulus');
      if (q.showIf) checkCondition(q.showIf, `${qAt}/showIf`, earlier);
      if (q.repeatOf) checkRepeat(q, qAt, earlier);
    });
    const upToHere = new Map(earlier);
    for (const q of page.questions) upToHere.set(q.id, q);
    (page.skip ?? []).forEach((rule, r) => {
      const rAt = `${at}/skip/${r}`;
      checkCondition(rule.if, `${rAt}/if`, upToHere);
      const target = pageIds.indexOf(rule.goTo);
      if (rule.goTo !== END_PAGE && target <= p)
        throw AppError.field(`${rAt}/goTo`, 'research.validation.forwardOnly');
    });
    for (const q of page.questions) earlier.set(q.id, q);
  });
}

/** Every question of a definition by id. */
export function questionsById(definition: SurveyDefinitionInput): Map<string, QuestionInput> {
  return new Map(definition.pages.flatMap((p) => p.questions.map((q) => [q.id, q] as const)));
}
