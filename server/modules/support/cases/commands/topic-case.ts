import { abilitiesOf } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import type { TopicResource } from '../../support.policy.ts';
import { topicCasePolicy } from '../cases.policy.ts';
import { presentCaseBadge } from '../cases.presenter.ts';
import { findCaseOfTopic } from '../cases.repository.ts';
import type { CaseBadgeDto } from '../cases.schemas.ts';

/**
 * What a topic page shows of its support case: the case (status, label, opening date) for the asker and
 * case workers only, null for other readers, and the viewer's case abilities (`escalate`, `workCase`).
 */
export async function topicCaseFor(
  ctx: Ctx,
  resource: TopicResource & { topic: { id: string; solved: boolean } },
): Promise<{ case: CaseBadgeDto | null; abilities: { escalate: boolean; workCase: boolean } }> {
  const abilities = abilitiesOf(topicCasePolicy, ctx.actor, resource);
  // Most readers (anonymous ones, members reading others' questions) can neither see nor act on a
  // case: no query for them.
  const relevant = abilities.viewCase || abilities.escalate || abilities.workCase;
  const row = relevant ? await findCaseOfTopic(ctx.kernel.db, resource.topic.id) : undefined;
  return {
    case: row && abilities.viewCase ? presentCaseBadge(row, ctx.locale) : null,
    abilities: {
      escalate: abilities.escalate && !row && !resource.topic.solved,
      workCase: abilities.workCase && !!row,
    },
  };
}
