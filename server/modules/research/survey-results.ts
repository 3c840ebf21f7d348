import { labelOf } from '../../platform/text/sentiment.ts';
import type { QuestionResultDto } from './research.schemas.ts';
import type { QuestionInput, SurveyDefinitionInput } from './survey-definition.ts';
import { type Answers, answered } from './survey-engine.ts';
import type { HotspotMarker, PreferenceAnswer } from './stimulus-rules.ts';

/** One completed response as the aggregation reads it. */
export interface ResponseForResults {
  answers: Answers;
  sentiments: Record<string, number>;
  respondent: string | null;
}

/** At most this many open answers are listed per question (the newest are in the CSV export). */
export const MAX_TEXTS = 100;
/** At most this many markers of a hotspot question are drawn (the newest; all are in the CSV export). */
export const MAX_MARKERS = 5000;

const round = (n: number) => Math.round(n * 100) / 100;

function aggregate(q: QuestionInput, responses: ResponseForResults[], withTexts: boolean): QuestionResultDto {
  const given = responses.filter((r) => answered(r.answers[q.id]));
  const values = given.map((r) => r.answers[q.id]);
  const result: QuestionResultDto = { id: q.id, type: q.type, title: q.title, answered: given.length };
  const options = q.options ?? [];
  const countOf = (test: (v: unknown) => boolean) => values.filter(test).length;
  switch (q.type) {
    case 'single':
    case 'image_choice':
    case 'multiple':
      result.options = options.map((o) => ({
        id: o.id,
        label: o.label,
        count: countOf((v) => v === o.id || (Array.isArray(v) && v.includes(o.id))),
      }));
      break;
    case 'scale':
    case 'nps':
    case 'number': {
      const numbers = values.filter((v): v is number => typeof v === 'number');
      result.mean = numbers.length ? round(numbers.reduce((a, b) => a + b, 0) / numbers.length) : null;
      if (q.type !== 'number') {
        const [min, max] = q.type === 'nps' ? [0, 10] : [q.min ?? 1, q.max ?? 5];
        result.distribution = [];
        for (let v = min; v <= max; v++)
          result.distribution.push({ value: String(v), count: numbers.filter((n) => n === v).length });
      }
      if (q.type === 'nps') {
        const promoters = numbers.filter((n) => n >= 9).length;
        const detractors = numbers.filter((n) => n <= 6).length;
        result.nps = {
          promoters,
          detractors,
          passives: numbers.length - promoters - detractors,
          score: numbers.length ? Math.round(((promoters - detractors) / numbers.length) * 100) : null,
        };
      }
      break;
    }
    case 'matrix':
      result.matrix = (q.rows ?? []).map((row) => ({
        id: row.id,
        label: row.label,
        columns: options.map((o) => ({
          id: o.id,
          label: o.label,
          count: countOf((v) => (v as Record<string, string>)[row.id] === o.id),
        })),
      }));
      break;
    case 'ranking':
      result.ranking = options.map((o) => {
        const ranks = values.flatMap((v) => {
          const i = Array.isArray(v) ? v.indexOf(o.id) : -1;
          return i >= 0 ? [i + 1] : [];
        });
        return {
          id: o.id,
          label: o.label,
          meanRank: ranks.length ? round(ranks.reduce((a, b) => a + b, 0) / ranks.length) : null,
        };
      });
      break;
    case 'date': {
      const byMonth = new Map<string, number>();
      for (const v of values)
        byMonth.set(String(v).slice(0, 7), (byMonth.get(String(v).slice(0, 7)) ?? 0) + 1);
      result.distribution = [...byMonth.entries()].sort().map(([value, count]) => ({ value, count }));
      break;
    }
    case 'text': {
      const labelled = given.map((r) => ({ r, label: labelOf(r.sentiments[q.id] ?? 0) }));
      result.sentiment = {
        positive: labelled.filter((x) => x.label === 'positive').length,
        neutral: labelled.filter((x) => x.label === 'neutral').length,
        negative: labelled.filter((x) => x.label === 'negative').length,
      };
      if (withTexts)
        result.texts = labelled
          .slice(-MAX_TEXTS)
          .reverse()
          .map((x) => ({ text: String(x.r.answers[q.id]), sentiment: x.label, respondent: x.r.respondent }));
      break;
    }
    case 'file':
      break;
    case 'hotspot':
      result.markers = values
        .flatMap((v) => (Array.isArray(v) ? (v as HotspotMarker[]) : []))
        .slice(-MAX_MARKERS)
        .map((m) => ({ x: m.x, y: m.y, kind: m.kind, comment: withTexts ? (m.comment ?? null) : null }));
      break;
    case 'preference': {
      const chosen = (v: unknown) => (v as PreferenceAnswer).choice;
      result.options = options.map((o) => ({
        id: o.id,
        label: o.label,
        count: countOf((v) => chosen(v) === o.id),
      }));
      const why = given.filter((r) => typeof (r.answers[q.id] as PreferenceAnswer).why === 'string');
      if (withTexts)
        result.texts = why
          .slice(-MAX_TEXTS)
          .reverse()
          .map((r) => {
            const answer = r.answers[q.id] as PreferenceAnswer;
            const label = options.find((o) => o.id === answer.choice)?.label ?? answer.choice;
            return {
              text: `${label} — ${answer.why}`,
              sentiment: labelOf(r.sentiments[q.id] ?? 0),
              respondent: r.respondent,
            };
          });
      break;
    }
  }
  return result;
}

/**
 * Aggregates completed responses per question: choice counts, means and distributions of scales, NPS
 * (promoters 9–10 minus detractors 0–6, in percent of answers), matrix grids, mean ranks, dates by month,
 * open answers with their sentiment (listed only when `withTexts`), hotspot markers (their comments only
 * when `withTexts`) and preference counts with the reasons given.
 */
export function aggregateResults(
  definition: SurveyDefinitionInput,
  responses: ResponseForResults[],
  withTexts: boolean,
): QuestionResultDto[] {
  return definition.pages.flatMap((page) => page.questions.map((q) => aggregate(q, responses, withTexts)));
}
