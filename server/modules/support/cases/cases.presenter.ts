import { type Locale, translate } from '../../../../common/i18n/index.ts';
import type { CaseRow, CaseStatus } from '../../../platform/db/schema.ts';
import type { CaseListRow } from './cases.repository.ts';
import type { CaseBadgeDto, CaseSummaryDto, MyTopicDto } from './cases.schemas.ts';

/** The label of a case status in a language: one key for the web, the API and the emails. */
export function caseStatusLabel(locale: Locale, status: CaseStatus): string {
  return translate(locale, `case.status.${status}`);
}

/** Presents what the asker and staff see of a question's case. */
export function presentCaseBadge(
  row: Pick<CaseRow, 'id' | 'status' | 'opened_at'>,
  locale: Locale,
): CaseBadgeDto {
  return {
    id: row.id,
    status: row.status,
    statusLabel: caseStatusLabel(locale, row.status),
    openedAt: row.opened_at.toISOString(),
  };
}

/** Presents a case in the queue: status, assignee's pseudonym and the question's summary, no identity. */
export function presentCaseSummary(row: Omit<CaseListRow, 'updated_key'>, locale: Locale): CaseSummaryDto {
  return {
    id: row.id,
    status: row.status,
    statusLabel: caseStatusLabel(locale, row.status),
    openedBy: row.opened_by,
    assignee:
      row.assignee_id && row.assignee_pseudonym
        ? { id: row.assignee_id, pseudonym: row.assignee_pseudonym }
        : null,
    topic: {
      id: row.topic_id,
      title: row.topic_title,
      solved: row.topic_solved,
      repliesCount: row.topic_replies_count,
      author: { id: row.topic_author_id, pseudonym: row.author_pseudonym, role: row.author_role },
      createdAt: row.topic_created_at.toISOString(),
    },
    openedAt: row.opened_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    solvedAt: row.solved_at ? row.solved_at.toISOString() : null,
  };
}

/** Presents one of the caller's own topics with its solved state and its case. */
export function presentMyTopic(
  row: {
    id: string;
    kind: string;
    title: string;
    status: string;
    solved: boolean;
    replies_count: number;
    created_at: Date;
    last_activity_at: Date;
    case_id: string | null;
    case_status: CaseStatus | null;
    case_opened_at: Date | null;
  },
  locale: Locale,
): MyTopicDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    solved: row.solved,
    repliesCount: row.replies_count,
    createdAt: row.created_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
    case:
      row.case_id && row.case_status && row.case_opened_at
        ? presentCaseBadge(
            { id: row.case_id, status: row.case_status, opened_at: row.case_opened_at },
            locale,
          )
        : null,
  };
}
