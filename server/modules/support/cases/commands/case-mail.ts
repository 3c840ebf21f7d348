import type { Transaction } from 'kysely';
import { isLocale } from '../../../../../common/i18n/index.ts';
import type { CaseStatus, DB } from '../../../../platform/db/schema.ts';
import type { Kernel } from '../../../../platform/kernel.ts';
import { caseStatusLabel } from '../cases.presenter.ts';
import { findAskerContact } from '../cases.repository.ts';

/**
 * Emails the asker of a case (inside the transaction that changed it): `opened` when their question
 * becomes a case, `status` when its status changes. The status label is the one the web and the API
 * show, in the asker's language (their account's, else the community's).
 */
export async function mailCaseAsker(
  kernel: Kernel,
  trx: Transaction<DB>,
  kind: 'opened' | 'status',
  facts: { askerId: string; topicId: string; topicTitle: string; status: CaseStatus },
): Promise<void> {
  const contact = await findAskerContact(trx, facts.askerId);
  const locale = isLocale(contact.locale)
    ? contact.locale
    : isLocale(contact.default_locale)
      ? contact.default_locale
      : 'fr';
  await kernel.mailer.queue(
    {
      to: contact.email,
      kind: kind === 'opened' ? 'case.opened' : 'case.status_changed',
      locale,
      subjectKey: kind === 'opened' ? 'mail.caseOpened.subject' : 'mail.caseStatus.subject',
      bodyKey: kind === 'opened' ? 'mail.caseOpened.body' : 'mail.caseStatus.body',
      params: {
        community: contact.community_name,
        title: facts.topicTitle,
        status: caseStatusLabel(locale, facts.status),
        url: `${kernel.config.publicUrl}/c/${contact.community_slug}/t/${facts.topicId}`,
      },
    },
    trx,
  );
}
