import { Form, Link } from 'react-router';
import type { CaseBadgeDto } from '../../../server/modules/support/cases/cases.schemas.ts';
import type { ReplyDto, TopicDto } from '../../../server/modules/support/support.schemas.ts';
import { useT } from '../../lib/i18n.ts';

/** The statuses a case may take, in their usual order (labels: `case.status.*`). */
export const CASE_STATUS_VALUES = ['new', 'open', 'waiting_for_member', 'solved'] as const;

/** A case's status as a badge, with the label the API sent (the one the emails use too). */
export function CaseStatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`badge badge--case badge--case-${status}`}>{label}</span>;
}

/**
 * The support-case strip of a topic page: the case's status for the asker and case workers, a link to the
 * case for workers, and the "Escalate to support" button for the asker and moderators (a plain form).
 */
export function TopicCaseBar({
  slug,
  topic,
  escalated,
}: {
  slug: string;
  topic: Pick<TopicDto, 'abilities'> & { case: CaseBadgeDto | null };
  escalated: boolean;
}) {
  const t = useT();
  if (!topic.case && !topic.abilities.escalate) return null;
  return (
    <div className="case-bar">
      {topic.case ? (
        <p>
          <CaseStatusBadge
            status={topic.case.status}
            label={t('case.badge', { status: topic.case.statusLabel })}
          />
          {topic.abilities.workCase ? (
            <>
              {' '}
              <Link to={`/c/${slug}/cases/${topic.case.id}`}>{t('case.openCase')}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      {escalated ? (
        <p className="notice notice--success" role="status">
          {t('case.escalated')}
        </p>
      ) : null}
      {topic.abilities.escalate ? (
        <Form method="post" className="inline-form">
          <button
            type="submit"
            className="button button--small button--secondary"
            name="intent"
            value="escalate"
          >
            {t('case.escalate')}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

/** The mark of an official answer: "Official answer from <community>". */
export function OfficialMark({ reply, brand }: { reply: Pick<ReplyDto, 'official'>; brand: string }) {
  const t = useT();
  if (!reply.official) return null;
  return <span className="badge badge--official">{t('case.official', { brand })}</span>;
}
