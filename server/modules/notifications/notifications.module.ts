import type { Kernel } from '../../platform/kernel.ts';
import { findMembershipFacts } from '../communities/communities.repository.ts';
import { SupportEvents } from '../support/support.events.ts';
import { topicPolicy } from '../support/support.policy.ts';
import {
  SOLUTION_REMINDERS_CRON,
  SOLUTION_REMINDERS_JOB,
  sweepSolutionReminders,
} from './jobs/solution-reminders.ts';
import { topicResourceOf } from './deliver.ts';
import { publishReply, publishUnreadCounts } from './live.ts';
import { findTopicContext } from './notifications.repository.ts';
import { onPostPublished, POST_EVENTS, publishedPostOf } from './processors/on-post-published.ts';
import { onSolutionAccepted } from './processors/on-solution-accepted.ts';

/**
 * Wires notifications into the kernel: the `topic:<id>` channel (joined like reading the topic), the
 * subscribers that follow, notify, email and push live replies, and the solution reminder sweep.
 */
export function registerNotifications(kernel: Kernel): void {
  kernel.realtime.channel('topic', async (actor, id) => {
    const topic = await findTopicContext(kernel.db, id);
    if (!topic) return false;
    const membership = await findMembershipFacts(kernel.db, topic.community_id, actor?.userId);
    return topicPolicy.view(actor, topicResourceOf(topic, membership));
  });
  kernel.dispatcher.subscribe({
    name: 'notifications.posts',
    events: POST_EVENTS,
    handle: (event, trx) => onPostPublished(kernel, event, trx),
    afterCommit: async (event) => {
      const published = publishedPostOf(event);
      if (published?.type === 'reply') await publishReply(kernel, published.postId);
      if (published) await publishUnreadCounts(kernel, event.id);
    },
  });
  kernel.dispatcher.subscribe({
    name: 'notifications.solutions',
    events: [SupportEvents.solutionAccepted],
    handle: (event, trx) => onSolutionAccepted(kernel, event, trx),
    afterCommit: (event) => publishUnreadCounts(kernel, event.id),
  });
  kernel.jobs.define({
    name: SOLUTION_REMINDERS_JOB,
    cron: SOLUTION_REMINDERS_CRON,
    retryLimit: 2,
    handler: async () => {
      const sent = await sweepSolutionReminders(kernel);
      if (sent > 0) kernel.log.info({ sent }, 'solution reminders sent');
    },
  });
}
