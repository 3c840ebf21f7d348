import { HOTSPOT_LIMITS, PREFERENCE_WHY_MAX } from '../../../common/research/question-types.ts';
import type { MessageKey } from '../../../common/i18n/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { QuestionInput, SurveyDefinitionInput } from './survey-definition.ts';

/** One marker of a hotspot answer: where (0–1 of the image's width and height), like or dislike, why. */
export interface HotspotMarker {
  x: number;
  y: number;
  kind: 'like' | 'dislike';
  comment?: string;
}

/** A preference answer: the variant chosen and, optionally, why. */
export interface PreferenceAnswer {
  choice: string;
  why?: string;
}

/**
 * Checks what the stimulus fields of one question need, beyond the schema: a hotspot question has an
 * image stimulus to click on (the kind is checked against the stored file by `checkSurveyMedia`), no
 * choices and at most 20 markers; a preference question has exactly two variants, each with a stimulus
 * file; only preference variants and image choices carry a `mediaId`.
 * @throws AppError(validation_failed at `at`/stimulus, /max, /min or /options/N/mediaId)
 */
export function checkStimulusQuestion(q: QuestionInput, at: string): void {
  const options = q.options ?? [];
  if (q.type === 'hotspot') {
    if (!q.stimulus) throw AppError.field(`${at}/stimulus`, 'research.validation.stimulusNeeded');
    if (q.min !== undefined) throw AppError.field(`${at}/min`, 'validation.unknownField');
    if (q.max !== undefined && (!Number.isInteger(q.max) || q.max < 1 || q.max > HOTSPOT_LIMITS.max))
      throw AppError.field(`${at}/max`, 'research.validation.markerLimit', { limit: HOTSPOT_LIMITS.max });
  }
  if (q.type === 'preference') {
    if (options.length !== 2) throw AppError.field(`${at}/options`, 'research.validation.twoVariants');
    const missing = options.findIndex((o) => !o.mediaId);
    if (missing >= 0)
      throw AppError.field(`${at}/options/${missing}/mediaId`, 'research.validation.variantMedia');
  } else if (q.type !== 'image_choice') {
    const stray = options.findIndex((o) => o.mediaId !== undefined);
    if (stray >= 0) throw AppError.field(`${at}/options/${stray}/mediaId`, 'validation.unknownField');
  }
}

/** A stimulus file a definition refers to: where (field path), which file, whether it must be an image. */
export interface MediaRef {
  path: string;
  mediaId: string;
  image: boolean;
}

/**
 * Every stimulus file a definition refers to (question stimuli, preference variants and image choices'
 * pictures), with its path; a hotspot's stimulus and an image choice's pictures must be images.
 */
export function mediaRefs(definition: SurveyDefinitionInput, prefix = '/definition'): MediaRef[] {
  return definition.pages.flatMap((page, p) =>
    page.questions.flatMap((q, i) => {
      const at = `${prefix}/pages/${p}/questions/${i}`;
      const refs: MediaRef[] = [];
      if (q.stimulus)
        refs.push({
          path: `${at}/stimulus/mediaId`,
          mediaId: q.stimulus.mediaId,
          image: q.type === 'hotspot',
        });
      (q.options ?? []).forEach((o, n) => {
        if (o.mediaId)
          refs.push({
            path: `${at}/options/${n}/mediaId`,
            mediaId: o.mediaId,
            image: q.type === 'image_choice',
          });
      });
      return refs;
    }),
  );
}

type Problem = { key: MessageKey; params?: Record<string, number> } | null;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const inUnit = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1;

/**
 * Checks a hotspot answer: a list of 1 to `max` markers (default 5), each `{ x, y, kind, comment? }` with x
 * and y between 0 and 1, kind `like` or `dislike`, a comment of at most 280 characters.
 */
export function hotspotProblem(q: QuestionInput, value: unknown): Problem {
  if (!Array.isArray(value)) return { key: 'validation.invalidType' };
  const limit = q.max ?? HOTSPOT_LIMITS.default;
  if (value.length > limit) return { key: 'research.validation.tooManyMarkers', params: { limit } };
  for (const marker of value) {
    if (!isRecord(marker) || Object.keys(marker).some((k) => !['x', 'y', 'kind', 'comment'].includes(k)))
      return { key: 'research.validation.marker' };
    if (marker.kind !== 'like' && marker.kind !== 'dislike') return { key: 'research.validation.marker' };
    if (!inUnit(marker.x) || !inUnit(marker.y)) return { key: 'research.validation.markerOutside' };
    if (marker.comment !== undefined && typeof marker.comment !== 'string')
      return { key: 'validation.invalidType' };
    if (typeof marker.comment === 'string' && marker.comment.length > HOTSPOT_LIMITS.comment)
      return { key: 'validation.tooLong', params: { limit: HOTSPOT_LIMITS.comment } };
  }
  return null;
}

/** Checks a preference answer: `{ choice, why? }`, the choice one of the two variants, why ≤ 1000 characters. */
export function preferenceProblem(q: QuestionInput, value: unknown): Problem {
  if (!isRecord(value) || Object.keys(value).some((k) => k !== 'choice' && k !== 'why'))
    return { key: 'validation.invalidType' };
  if (!(q.options ?? []).some((o) => o.id === value.choice)) return { key: 'validation.invalidChoice' };
  if (value.why !== undefined && typeof value.why !== 'string') return { key: 'validation.invalidType' };
  if (typeof value.why === 'string' && value.why.length > PREFERENCE_WHY_MAX)
    return { key: 'validation.tooLong', params: { limit: PREFERENCE_WHY_MAX } };
  return null;
}
