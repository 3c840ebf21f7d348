import { type Actor, hasRole } from '../../../platform/authz/actor.ts';
import { definePolicy } from '../../../platform/authz/policy.ts';
import type { CommunityRole, MembershipStatus } from '../../../platform/db/schema.ts';
import type { CommunityResource } from '../../communities/communities.policy.ts';
import { memberPolicy } from '../../members/members.policy.ts';
import { type TopicResource, topicPolicy } from '../support.policy.ts';

/** A community as seen by one actor; their membership facts carry the support-agent ability. */
export type CaseResource = CommunityResource;

/** Facts about a membership that may work cases (a case's assignee). */
export interface CaseWorkerFacts {
  role: CommunityRole;
  status: MembershipStatus;
  supportAgent: boolean;
}

/** Active support agents (any role, observers included), moderators and admins work cases. */
export function isCaseWorker(facts: CaseWorkerFacts | null): boolean {
  if (!facts || facts.status !== 'active') return false;
  return facts.supportAgent || facts.role === 'admin' || facts.role === 'moderator';
}

const works = (actor: Actor | null, { membership }: CaseResource) =>
  !!actor?.isPlatformAdmin ||
  hasRole(membership, ['admin', 'moderator']) ||
  (!!membership?.supportAgent && membership.status === 'active');
const listsOwnTopics = (actor: Actor | null, { membership }: CaseResource) =>
  !!actor && !!membership && membership.status !== 'pending';

/**
 * Who works the case queue (DESIGN rule 3). Support agents are a staff ability granted by community
 * admins; moderators and admins hold it by role, platform admins everywhere. Answering officially needs a
 * membership to post under.
 */
export const casePolicy = definePolicy<CaseResource>()({
  /** List cases, read them with their internal notes, change status and assignee, add notes. */
  work: works,
  /** Post an official answer in the case's topic (the one public post an observer-agent makes). */
  answer: (actor, resource) => works(actor, resource) && resource.membership?.status === 'active',
  /** Grant or revoke the support-agent ability: community admins and platform admins. */
  manageAgents: (actor, resource) => memberPolicy.changeRoles(actor, resource),
  /** Read one's own list of questions: any member of the community (not one waiting for approval). */
  listOwnTopics: listsOwnTopics,
});

/** The case abilities community pages need: the queue, one's own questions, granting the agent ability. */
export const communityCasePolicy = definePolicy<CommunityResource>()({
  workCases: works,
  listOwnQuestions: listsOwnTopics,
  manageAgents: (actor, resource) => memberPolicy.changeRoles(actor, resource),
});

/** A topic as seen by one actor (their membership facts carry the support-agent ability). */
export type TopicCaseResource = TopicResource;

/** Who may turn a question into a case, and who sees a topic's case. */
export const topicCasePolicy = definePolicy<TopicCaseResource>()({
  /** The asker (an active member) or a moderator escalates a published question. */
  escalate: (actor, resource) =>
    topicPolicy.view(actor, resource) &&
    resource.topic.kind === 'question' &&
    resource.topic.status === 'published' &&
    ((resource.membership?.status === 'active' && resource.membership.id === resource.topic.author_id) ||
      topicPolicy.moderate(actor, resource)),
  /** The asker and case workers see the case's status on the topic; other readers do not. */
  viewCase: (actor, resource) =>
    (!!resource.membership && resource.membership.id === resource.topic.author_id) ||
    casePolicy.work(actor, resource),
  /** Open the case in the queue. */
  workCase: (actor, resource) => casePolicy.work(actor, resource),
});
