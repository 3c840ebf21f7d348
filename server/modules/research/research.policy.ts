import { type Actor, hasRole } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { ResponseStatus, SurveyRow } from '../../platform/db/schema-research.ts';
import type { CommunityResource } from '../communities/communities.policy.ts';
import { isResearchStaff, panelPolicy } from '../panel/panel.policy.ts';

/** Where a survey stands. */
export type SurveyState = 'draft' | 'scheduled' | 'open' | 'closed';

/** A survey's state from its publication and dates at a moment. */
export function surveyState(
  survey: Pick<SurveyRow, 'published' | 'opens_at' | 'closes_at'>,
  now = new Date(),
): SurveyState {
  if (!survey.published) return 'draft';
  if (survey.closes_at && survey.closes_at <= now) return 'closed';
  if (survey.opens_at && survey.opens_at > now) return 'scheduled';
  return 'open';
}

const isObserver = (resource: CommunityResource) => hasRole(resource.membership, ['observer']);
const isRespondent = (resource: CommunityResource) =>
  hasRole(resource.membership, ['member', 'expert', 'moderator', 'admin']);

/** Community-level research abilities (sent with the community so the web shows a "Research" tab). */
export const researchPolicy = definePolicy<CommunityResource>()({
  /** Create and edit surveys and polls, read every survey, export with pseudonyms. */
  manageResearch: isResearchStaff,
  /** Read the results of every survey (observers: never linked to identities). */
  viewResearchResults: (actor, resource) => isResearchStaff(actor, resource) || isObserver(resource),
  /** See the surveys and polls one is invited to answer. */
  answerSurveys: (_actor, resource) => isRespondent(resource),
  /** Change the panel settings (the panel's rule, sent with the community for the web's forms). */
  configurePanel: (actor, resource) => panelPolicy.configurePanel(actor, resource),
});

/** A survey as seen by one actor: its state, whether they are in its target, their own response. */
export interface SurveyResource extends CommunityResource {
  survey: Pick<SurveyRow, 'id' | 'kind' | 'anonymous' | 'results_visibility' | 'published'>;
  state: SurveyState;
  /** The actor's membership is in the survey's target segment (or it targets everyone). */
  targeted: boolean;
  ownStatus: ResponseStatus | null;
}

const staffOrObserver = (actor: Actor | null, r: SurveyResource) =>
  isResearchStaff(actor, r) || isObserver(r);

/** Who may see, answer and read the results of one survey. */
export const surveyPolicy = definePolicy<SurveyResource>()({
  /** Staff and observers see every survey; respondents the published ones they are targeted by. */
  view: (actor, r) => staffOrObserver(actor, r) || (isRespondent(r) && r.state !== 'draft' && r.targeted),
  /** An active targeted member answers an open survey. */
  respond: (_actor, r) => isRespondent(r) && r.targeted && r.state === 'open' && r.ownStatus !== 'completed',
  manage: (actor, r) => isResearchStaff(actor, r),
  /** Staff and observers; voters after voting or everyone after close when a poll says so. */
  viewResults: (actor, r) =>
    staffOrObserver(actor, r) ||
    (r.survey.kind === 'poll' &&
      isRespondent(r) &&
      r.targeted &&
      ((r.survey.results_visibility === 'after_vote' && r.ownStatus === 'completed') ||
        (r.survey.results_visibility !== 'staff' && r.state === 'closed'))),
  /** Open answers and per-respondent detail: staff and observers only. */
  viewAnswers: staffOrObserver,
  /**
   * Restrict results to a segment: staff any segment, observers a segment over observer-visible attributes
   * only (checked by `getSurveyResults` against the segment, `observerMayUse`).
   */
  filterBySegment: staffOrObserver,
  /** Download the responses as CSV (observers get no respondent column). */
  export: staffOrObserver,
  /** Respondents' pseudonyms beside their answers: staff, on surveys that are not anonymous. */
  identifyRespondents: (actor, r) => isResearchStaff(actor, r) && !r.survey.anonymous,
});
