import type { Actor } from '../../platform/authz/actor.ts';
import { abilitiesOf } from '../../platform/authz/policy.ts';
import type {
  ResponseStatus,
  SurveyMediaRow,
  SurveyResponseRow,
  SurveyRow,
} from '../../platform/db/schema-research.ts';
import { type SurveyResource, surveyPolicy, surveyState } from './research.policy.ts';
import type { SurveyDto, SurveyMediaDto, SurveySummaryDto } from './research.schemas.ts';
import type { SurveyDefinitionInput } from './survey-definition.ts';
import { type Answers, orderedOptions, pagePath } from './survey-engine.ts';

/** The definition as one respondent sees it: randomised choices in their own stable order. */
function definitionFor(definition: SurveyDefinitionInput, seed: string): SurveyDefinitionInput {
  return {
    pages: definition.pages.map((page) => ({
      ...page,
      questions: page.questions.map((q) =>
        q.options ? { ...q, options: orderedOptions(q, q.options, seed) } : q,
      ),
    })),
  };
}

/** Where a respondent stands: the page they answer next and its place on their path. */
function progressOf(definition: SurveyDefinitionInput, own: SurveyResponseRow | undefined) {
  const answers = (own?.answers ?? {}) as Answers;
  const path = pagePath(definition, answers);
  // Completed, or every page answered and only the submission left: no page to show.
  if (own?.status === 'completed' || (own?.page_index ?? 0) >= definition.pages.length)
    return { pageIndex: -1, step: path.length, steps: path.length };
  const pageIndex = Math.min(own?.page_index ?? 0, definition.pages.length - 1);
  const step = Math.max(0, path.indexOf(pageIndex));
  return { pageIndex, step, steps: path.length };
}

/** The definition without what would give the reliability checks away: traps' answers, repeated questions. */
function withoutChecks(definition: SurveyDefinitionInput): SurveyDefinitionInput {
  return {
    pages: definition.pages.map((page) => ({
      ...page,
      questions: page.questions.map(({ trap: _trap, repeatOf: _repeatOf, ...question }) => question),
    })),
  };
}

/** Where a survey stimulus file is fetched (the API path, answered by `getSurveyMedia`). */
export const surveyMediaUrl = (communityId: string, mediaId: string) =>
  `/api/v1/communities/${communityId}/survey-media/${mediaId}`;

/** Presents a survey stimulus file: an allow-list of fields and its URL. */
export function presentSurveyMedia(row: SurveyMediaRow): SurveyMediaDto {
  return {
    id: row.id,
    kind: row.kind,
    url: surveyMediaUrl(row.community_id, row.id),
    contentType: row.content_type,
    alt: row.alt,
    width: row.width,
    height: row.height,
  };
}

/**
 * Presents a survey for the actor: an allow-list of fields, the definition (as authored for those who
 * manage the survey; otherwise choices in the actor's order and without the traps' answers),
 * their own response, the stimulus files it shows and their abilities. `responsesCount` only for those who read results.
 */
export function presentSurvey(
  row: SurveyRow,
  resource: SurveyResource & { own?: SurveyResponseRow },
  actor: Actor | null,
  responsesCount: number | null,
  media: SurveyMediaRow[] = [],
): SurveyDto {
  const definition = row.definition as SurveyDefinitionInput;
  const own = resource.own;
  const abilities = abilitiesOf(surveyPolicy, actor, resource);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    state: surveyState(row),
    published: row.published,
    opensAt: row.opens_at?.toISOString() ?? null,
    closesAt: row.closes_at?.toISOString() ?? null,
    segmentId: row.segment_id,
    anonymous: row.anonymous,
    points: row.points,
    resultsVisibility: row.results_visibility,
    definition: abilities.manage
      ? definition
      : withoutChecks(definitionFor(definition, resource.membership?.id ?? row.id)),
    media: media.map(presentSurveyMedia),
    response: own
      ? {
          status: own.status,
          pageIndex: own.page_index,
          answers: own.answers as Answers,
          completedAt: own.completed_at?.toISOString() ?? null,
        }
      : null,
    progress: progressOf(definition, own),
    responsesCount: abilities.viewResults ? responsesCount : null,
    createdAt: row.created_at.toISOString(),
    abilities,
  };
}

/** Presents a survey in a list, with the caller's own status. */
export function presentSurveySummary(
  row: SurveyRow & { own_status: ResponseStatus | null; completed_count: number },
  showCount: boolean,
): SurveySummaryDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    state: surveyState(row),
    opensAt: row.opens_at?.toISOString() ?? null,
    closesAt: row.closes_at?.toISOString() ?? null,
    anonymous: row.anonymous,
    points: row.points,
    myStatus: row.own_status,
    responsesCount: showCount ? Number(row.completed_count) : null,
    createdAt: row.created_at.toISOString(),
  };
}
