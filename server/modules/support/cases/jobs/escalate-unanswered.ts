import type { Kernel } from '../../../../platform/kernel.ts';
import { transact } from '../../../../platform/kernel.ts';
import { DEFAULT_SUPPORT_SETTINGS } from '../../support-settings.ts';
import { listQuestionsDueForEscalation } from '../cases.repository.ts';
import { openCase } from '../commands/open-case.ts';

/** The periodic job that opens cases for questions left unanswered. */
export const ESCALATE_JOB = 'cases.escalate';
/** How often the sweep runs (pg-boss cron: every five minutes). */
export const ESCALATE_CRON = '*/5 * * * *';
const BATCH = 100;

/**
 * Opens a case (`opened_by = auto`) for every published, unsolved question that has had no reply for its
 * community's `caseEscalationHours` (0 turns it off), one transaction per question. Idempotent: a question
 * that already has a case is skipped, and the unique topic of `cases` settles concurrent sweeps.
 * Returns how many cases it opened.
 */
export async function escalateUnansweredQuestions(kernel: Kernel, now = new Date()): Promise<number> {
  let opened = 0;
  for (;;) {
    const due = await listQuestionsDueForEscalation(
      kernel.db,
      now,
      DEFAULT_SUPPORT_SETTINGS.caseEscalationHours,
      BATCH,
    );
    let progressed = 0;
    for (const topic of due) {
      const row = await transact(kernel, (trx, emit) =>
        openCase(kernel, trx, emit, {
          communityId: topic.community_id,
          topic,
          openedBy: 'auto',
          actorMemberId: null,
          actorUserId: null,
        }),
      );
      if (row) {
        opened += 1;
        progressed += 1;
      }
    }
    // Stop on a short batch, or when another sweep opened every case of this one first.
    if (due.length < BATCH || progressed === 0) return opened;
  }
}
