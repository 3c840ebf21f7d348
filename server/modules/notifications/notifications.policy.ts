import type { Actor } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import {
  type BoardResource,
  boardPolicy,
  type TopicResource,
  topicPolicy,
} from '../support/support.policy.ts';

/** Who may follow a topic: active members who read it (observers included, they watch). */
export const followTopicPolicy = definePolicy<TopicResource>()({
  follow: (actor, resource) => topicPolicy.view(actor, resource) && resource.membership?.status === 'active',
});

/** Who may follow a board: active members who read it. */
export const followBoardPolicy = definePolicy<BoardResource>()({
  follow: (actor, resource) => boardPolicy.view(actor, resource) && resource.membership?.status === 'active',
});

/** What a person may do with their own notifications and email preferences. */
export const notificationsPolicy = definePolicy<null>()({
  readOwn: (actor: Actor | null) => !!actor,
  updateOwn: (actor: Actor | null) => !!actor,
});
