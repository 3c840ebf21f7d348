import { appendEvent, type StoredEvent } from '../../../platform/events/outbox.ts';
import type { Kernel } from '../../../platform/kernel.ts';
import { SupportEvents } from '../support.events.ts';
import { applyCaseChanges } from './commands/apply-case-changes.ts';
import { findCaseOfTopic, findTopicFacts, lockCase } from './cases.repository.ts';
import { ESCALATE_CRON, ESCALATE_JOB, escalateUnansweredQuestions } from './jobs/escalate-unanswered.ts';

interface SolutionPayload {
  communityId: string;
  topicId: string;
  topicAuthorId: string;
}

/**
 * Wires support cases into the kernel: the periodic escalation sweep (`cases.escalate`, every five
 * minutes on worker processes) and the subscriber that solves a question's case when a solution is
 * accepted on it (`case.status_changed`, an email to the asker).
 */
export function registerCases(kernel: Kernel): void {
  kernel.jobs.define<Record<string, never>>({
    name: ESCALATE_JOB,
    retryLimit: 2,
    cron: ESCALATE_CRON,
    handler: async () => {
      const opened = await escalateUnansweredQuestions(kernel);
      if (opened > 0) kernel.log.info({ opened }, 'unanswered questions escalated to cases');
    },
  });
  kernel.dispatcher.subscribe({
    name: 'cases.solve-on-solution',
    events: [SupportEvents.solutionAccepted],
    handle: async (event: StoredEvent, trx) => {
      const payload = event.payload as unknown as SolutionPayload;
      const found = await findCaseOfTopic(trx, payload.topicId);
      if (!found || found.status === 'solved') return;
      const current = await lockCase(trx, found.id);
      const topic = await findTopicFacts(trx, payload.topicId);
      await applyCaseChanges(
        kernel,
        trx,
        (next) => appendEvent(trx, next),
        current,
        { status: 'solved' },
        { actorMemberId: null, actorUserId: event.actorUserId, topic },
      );
    },
  });
}
