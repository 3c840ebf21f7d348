import { isLocale } from '../../../../common/i18n/index.ts';
import type { Kernel } from '../../../platform/kernel.ts';
import { transact } from '../../../platform/kernel.ts';
import { targetPredicate } from '../commands/load-survey.ts';
import { ResearchEvents, type SurveyRemindedPayload } from '../research.events.ts';
import {
  claimReminder,
  findCommunityNaming,
  listNonRespondents,
  listSurveysDueForReminder,
} from '../research.repository.ts';

/** The periodic job that reminds members who have not answered a survey closing soon. */
export const REMINDER_JOB = 'research.survey-reminders';
/** How often the sweep runs (pg-boss cron: every fifteen minutes). */
export const REMINDER_CRON = '*/15 * * * *';
/** A survey sends its reminder when it closes within this many hours. */
export const REMINDER_HOURS_BEFORE_CLOSE = 48;
const BATCH = 50;

/**
 * Sends each published survey closing within 48 hours one reminder: an email, in each recipient's language,
 * to every targeted member who has not completed it (in progress or not started). The survey is claimed
 * (`reminded_at`) in the transaction that queues the emails, so concurrent sweeps send it once. Emits
 * `survey.reminded`. Returns how many emails it queued.
 */
export async function sendSurveyReminders(kernel: Kernel, now = new Date()): Promise<number> {
  const until = new Date(now.getTime() + REMINDER_HOURS_BEFORE_CLOSE * 3_600_000);
  const due = await listSurveysDueForReminder(kernel.db, now, until, BATCH);
  let sent = 0;
  for (const survey of due) {
    const target = await targetPredicate(kernel.db, survey);
    sent += await transact(kernel, async (trx, emit) => {
      if (!(await claimReminder(trx, survey.id))) return 0;
      const community = await findCommunityNaming(trx, survey.community_id);
      const people = await listNonRespondents(trx, survey, target);
      for (const person of people) {
        const locale = isLocale(person.locale)
          ? person.locale
          : isLocale(person.default_locale)
            ? person.default_locale
            : 'fr';
        await kernel.mailer.queue(
          {
            to: person.email,
            kind: 'survey.reminder',
            locale,
            subjectKey: 'research.mail.reminder.subject',
            bodyKey: 'research.mail.reminder.body',
            params: {
              community: community.name,
              title: survey.title,
              url: `${kernel.config.publicUrl}/c/${community.slug}/surveys/${survey.id}`,
            },
          },
          trx,
        );
      }
      const payload: SurveyRemindedPayload = {
        communityId: survey.community_id,
        surveyId: survey.id,
        reminded: people.length,
      };
      await emit({
        type: ResearchEvents.reminded,
        communityId: survey.community_id,
        actorUserId: null,
        payload,
      });
      return people.length;
    });
  }
  return sent;
}
