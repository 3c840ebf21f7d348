import { QUESTION_TYPES, STIMULUS_TYPES } from '../../common/research/question-types.ts';
import type { SurveyDefinitionInput } from '../../server/modules/research/survey-definition.ts';

/** The question types the builder offers (all of them; stimuli and choice pictures are uploaded here). */
export const BUILDER_TYPES = QUESTION_TYPES;

/** The field holding the picture of an image question's choice `n` (0-based): `q<i>.choice<n>Id`. */
export const choiceImageField = (block: number, n: number) => `q${block}.choice${n}Id`;

/** How many skip rules the builder form shows. */
export const SKIP_ROWS = 2;

const str = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};
const lines = (raw: string) =>
  raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const num = (raw: string) => (raw === '' ? undefined : Number(raw.replace(',', '.')));

/** Every field of the builder form by name, to show the form again as it was typed. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value;
  return values;
}

/**
 * The ids a builder form gives its questions and choices: a question block keeps the id it was shown with
 * (hidden field `q<i>.id`, so editing never renames what answers point to), else `q<i+1>`; its choices keep
 * theirs by position (`q<i>.optionIds`, one per line), else `o<n>`. A condition's value typed as a choice's
 * label becomes that choice's id, a number stays a number.
 */
export function builderIds(form: FormData) {
  const questionId = (block: number) => str(form, `q${block}.id`) || `q${block + 1}`;
  const optionIds = (block: number) => {
    const kept = lines(str(form, `q${block}.optionIds`));
    const labels = lines(str(form, `q${block}.options`));
    return labels.map((_, n) => {
      const id = kept[n] ?? `o${n + 1}`;
      return kept.indexOf(id) >= 0 && kept.indexOf(id) !== n ? `o${n + 1}-${n}` : id;
    });
  };
  const optionId = (block: number, label: string) => {
    const at = lines(str(form, `q${block}.options`)).findIndex(
      (o) => o.toLowerCase() === label.toLowerCase(),
    );
    return at >= 0 ? optionIds(block)[at] : undefined;
  };
  const conditionValue = (block: number, raw: string): string | number => {
    const byLabel = optionId(block, raw);
    if (byLabel) return byLabel;
    const n = Number(raw);
    return raw !== '' && Number.isFinite(n) ? n : raw;
  };
  return { questionId, optionIds, optionId, conditionValue };
}

/** Where a builder block's question landed in the definition (page and question index), and its type. */
export interface BuilderPlace {
  page: number;
  question: number;
  block: number;
  type?: string;
}

/**
 * Builds a survey definition from the builder form: question blocks `q<i>.*` (page number, type, title,
 * required, choices one per line, matrix rows, bounds, random order, "show if", trap answer, repeated
 * question, the stimulus file uploaded for it and its caption (only for `STIMULUS_TYPES`), a preference's
 * two variant files, an image choice's picture per choice in `q<i>.choice<n>Id`) grouped
 * into pages by their page number, and skip rules `s<j>.*` ("after page P, if question N … go to page M or the end").
 * Ids as `builderIds` gives them. A condition's value typed as a choice's label becomes that choice's id.
 * Returns the definition and, for each question's place in it, the block it came from (to put errors next
 * to the right fields).
 */
export function definitionFromForm(form: FormData, count: number) {
  const blocks = Array.from({ length: count }, (_, i) => ({
    i,
    page: Math.max(1, Number(str(form, `q${i}.page`)) || 1),
  })).filter(({ i }) => str(form, `q${i}.title`) !== '');
  const pageNumbers = [...new Set(blocks.map((b) => b.page))].sort((a, b) => a - b);
  const { questionId, optionIds, conditionValue } = builderIds(form);
  const blockOf = (questionNumber: string) => Number(questionNumber) - 1;
  const places: BuilderPlace[] = [];
  const definition: SurveyDefinitionInput = {
    pages: pageNumbers.map((pageNumber, p) => {
      const inPage = blocks.filter((b) => b.page === pageNumber);
      const skip = Array.from({ length: SKIP_ROWS }, (_, j) => j)
        .filter((j) => Number(str(form, `s${j}.page`)) === pageNumber && str(form, `s${j}.question`) !== '')
        .map((j) => {
          const target = str(form, `s${j}.goTo`);
          const goToIndex = pageNumbers.indexOf(Number(target));
          return {
            if: {
              question: questionId(blockOf(str(form, `s${j}.question`))),
              op: (str(form, `s${j}.op`) || 'equals') as 'equals',
              value: conditionValue(blockOf(str(form, `s${j}.question`)), str(form, `s${j}.value`)),
            },
            goTo: target === 'end' ? 'end' : goToIndex >= 0 ? `page${goToIndex + 1}` : `page-${target}`,
          };
        });
      return {
        id: `page${p + 1}`,
        questions: inPage.map(({ i }, k) => {
          const type = (str(form, `q${i}.type`) || 'single') as (typeof QUESTION_TYPES)[number];
          places.push({ page: p, question: k, block: i, type });
          const ids = optionIds(i);
          const variants = [str(form, `q${i}.variantAId`), str(form, `q${i}.variantBId`)];
          const picture = (n: number) =>
            type === 'preference'
              ? variants[n]
              : type === 'image_choice'
                ? str(form, choiceImageField(i, n))
                : '';
          const options = lines(str(form, `q${i}.options`)).map((label, n) => ({
            id: ids[n],
            label,
            ...(picture(n) ? { mediaId: picture(n) } : {}),
          }));
          const stimulusId = STIMULUS_TYPES.includes(type) ? str(form, `q${i}.stimulusId`) : '';
          const caption = str(form, `q${i}.caption`);
          const rows = lines(str(form, `q${i}.rows`)).map((label, n) => ({ id: `r${n + 1}`, label }));
          const showIf = str(form, `q${i}.showIfQuestion`);
          const trap = str(form, `q${i}.trap`);
          const repeatOf = str(form, `q${i}.repeatOf`);
          return {
            id: questionId(i),
            type,
            title: str(form, `q${i}.title`),
            required: form.get(`q${i}.required`) === 'on',
            ...(stimulusId ? { stimulus: { mediaId: stimulusId, ...(caption ? { caption } : {}) } } : {}),
            ...(options.length > 0 ? { options } : {}),
            ...(type === 'matrix' || rows.length > 0 ? { rows } : {}),
            ...(num(str(form, `q${i}.min`)) !== undefined ? { min: num(str(form, `q${i}.min`)) } : {}),
            ...(num(str(form, `q${i}.max`)) !== undefined ? { max: num(str(form, `q${i}.max`)) } : {}),
            ...(form.get(`q${i}.randomize`) === 'on' ? { randomize: true } : {}),
            ...(showIf
              ? {
                  showIf: {
                    question: questionId(blockOf(showIf)),
                    op: (str(form, `q${i}.showIfOp`) || 'equals') as 'equals',
                    value: conditionValue(blockOf(showIf), str(form, `q${i}.showIfValue`)),
                  },
                }
              : {}),
            ...(trap ? { trap: { expected: conditionValue(i, trap) } } : {}),
            ...(repeatOf ? { repeatOf: questionId(blockOf(repeatOf)) } : {}),
          };
        }),
        ...(skip.length > 0 ? { skip } : {}),
      };
    }),
  };
  return { definition, places };
}

/**
 * Maps an API field path of the definition (under `root`: `/definition` for a survey, `/screener` for a
 * campaign) to the builder's field (`q<i>.<field>`, `skip`, `definition`, or the name).
 */
export function builderField(path: string, places: BuilderPlace[], root = '/definition'): string {
  if (root !== '/definition' && path.startsWith(root)) path = `/definition${path.slice(root.length)}`;
  const question = /^\/definition\/pages\/(\d+)\/questions\/(\d+)(?:\/(\w+))?/.exec(path);
  if (question) {
    const place = places.find((p) => p.page === Number(question[1]) && p.question === Number(question[2]));
    const picture = /\/options\/(\d+)\/mediaId$/.exec(path);
    const type = place?.type;
    const variant = picture && type !== 'image_choice' && Number(picture[1]) < 2 ? picture : null;
    const field =
      picture && type === 'image_choice'
        ? `choice${picture[1]}`
        : variant
          ? `variant${variant[1] === '0' ? 'A' : 'B'}`
          : question[3] === 'showIf'
            ? 'showIfQuestion'
            : (question[3] ?? 'title');
    const fields = [
      'options',
      'rows',
      'max',
      'min',
      'showIfQuestion',
      'type',
      'trap',
      'repeatOf',
      'stimulus',
    ];
    return place
      ? `q${place.block}.${fields.includes(field) || variant || field.startsWith('choice') ? field : 'title'}`
      : 'definition';
  }
  if (/^\/definition\/pages\/\d+\/skip/.test(path)) return 'skip';
  if (path.startsWith('/definition')) return 'definition';
  return path.replace(/^\//, '').split('/')[0] ?? '';
}

/**
 * The builder form's values for an existing definition (the inverse of `definitionFromForm`): one block per
 * question in page order, choices and matrix rows one per line, conditions and trap answers written as a
 * choice's label, questions named by their block number. Returns the values and how many blocks they fill.
 */
export function valuesFromDefinition(definition: SurveyDefinitionInput): {
  values: Record<string, string>;
  count: number;
} {
  const values: Record<string, string> = {};
  const blockOf = new Map<string, number>();
  const questions = definition.pages.flatMap((page, p) => page.questions.map((q) => ({ q, p })));
  questions.forEach(({ q }, i) => blockOf.set(q.id, i));
  const label = (questionId: string, raw: string | number | undefined) => {
    const q = questions.find((x) => x.q.id === questionId)?.q;
    return String(q?.options?.find((o) => o.id === raw)?.label ?? raw ?? '');
  };
  questions.forEach(({ q, p }, i) => {
    const set = (field: string, value: string | number | undefined) => {
      if (value !== undefined && value !== '') values[`q${i}.${field}`] = String(value);
    };
    set('id', q.id);
    set('title', q.title);
    set('type', q.type);
    set('page', p + 1);
    set('options', (q.options ?? []).map((o) => o.label).join('\n'));
    set('optionIds', (q.options ?? []).map((o) => o.id).join('\n'));
    set('rows', (q.rows ?? []).map((o) => o.label).join('\n'));
    set('min', q.min);
    set('max', q.max);
    if (q.required) values[`q${i}.required`] = 'on';
    if (q.randomize) values[`q${i}.randomize`] = 'on';
    if (q.showIf) {
      set('showIfQuestion', (blockOf.get(q.showIf.question) ?? 0) + 1);
      set('showIfOp', q.showIf.op);
      set('showIfValue', label(q.showIf.question, q.showIf.value));
    }
    if (q.trap) set('trap', label(q.id, q.trap.expected));
    if (q.repeatOf) set('repeatOf', (blockOf.get(q.repeatOf) ?? 0) + 1);
    set('stimulusId', q.stimulus?.mediaId);
    set('caption', q.stimulus?.caption);
    if (q.type === 'preference') {
      set('variantAId', q.options?.[0]?.mediaId);
      set('variantBId', q.options?.[1]?.mediaId);
    }
    if (q.type === 'image_choice')
      (q.options ?? []).forEach((o, n) => {
        if (o.mediaId) values[choiceImageField(i, n)] = o.mediaId;
      });
  });
  let j = 0;
  definition.pages.forEach((page, p) => {
    for (const rule of page.skip ?? []) {
      if (j >= SKIP_ROWS) return;
      values[`s${j}.page`] = String(p + 1);
      values[`s${j}.question`] = String((blockOf.get(rule.if.question) ?? 0) + 1);
      values[`s${j}.op`] = rule.if.op;
      values[`s${j}.value`] = label(rule.if.question, rule.if.value);
      const target = definition.pages.findIndex((x) => x.id === rule.goTo);
      values[`s${j}.goTo`] = rule.goTo === 'end' ? 'end' : String(target + 1);
      j += 1;
    }
  });
  return { values, count: Math.max(1, questions.length) };
}

/**
 * Whether the builder can show a definition whole: no choice picture given as a member upload (`imageId`,
 * API only), no stimulus on a type the builder shows none for, no more skip rules than it shows.
 */
export function builderMayEdit(definition: SurveyDefinitionInput): boolean {
  const questions = definition.pages.flatMap((p) => p.questions);
  const skips = definition.pages.reduce((n, p) => n + (p.skip?.length ?? 0), 0);
  return (
    questions.every(
      (q) => (q.options ?? []).every((o) => !o.imageId) && (!q.stimulus || STIMULUS_TYPES.includes(q.type)),
    ) && skips <= SKIP_ROWS
  );
}
