import type { Transaction } from 'kysely';
import { isLocale } from '../../../common/i18n/index.ts';
import { sessionCalendar } from '../../../common/live/ics.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { LiveSessionRow } from '../../platform/db/schema-live.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { findContacts } from './live.repository.ts';

/** The web address of a session's invitation page. */
export function sessionUrl(kernel: Kernel, communitySlug: string, sessionId: string): string {
  return `${kernel.config.publicUrl}/c/${communitySlug}/live/${sessionId}`;
}

/**
 * Queues one email per member (in their language) about a session: the invitation or a reminder, with
 * the link to the session page, and its calendar file (`.ics`) attached and linked.
 */
export async function mailAboutSession(
  kernel: Kernel,
  trx: Transaction<DB>,
  kind: 'invitation' | 'reminder',
  session: Pick<LiveSessionRow, 'id' | 'title' | 'starts_at' | 'duration_minutes' | 'objectives'>,
  communitySlug: string,
  memberIds: readonly string[],
): Promise<void> {
  const url = sessionUrl(kernel, communitySlug, session.id);
  const calendar = sessionCalendar({
    uid: `${session.id}@cercle`,
    title: session.title,
    description: session.objectives,
    startsAt: session.starts_at.toISOString(),
    durationMinutes: session.duration_minutes,
    url,
  });
  for (const contact of await findContacts(trx, memberIds)) {
    const locale = isLocale(contact.locale) ? contact.locale : 'fr';
    const when = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(session.starts_at);
    await kernel.mailer.queue(
      {
        to: contact.email,
        kind: `live.${kind}`,
        locale,
        subjectKey: kind === 'invitation' ? 'live.mail.invitation.subject' : 'live.mail.reminder.subject',
        bodyKey: kind === 'invitation' ? 'live.mail.invitation.body' : 'live.mail.reminder.body',
        params: { title: session.title, when: `${when} UTC`, url, ics: `${url}/calendar.ics` },
        attachments: [
          {
            filename: 'session.ics',
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            content: calendar,
          },
        ],
      },
      trx,
    );
  }
}
