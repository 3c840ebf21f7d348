import { abilitiesOf, authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { casePolicy } from '../cases.policy.ts';
import { presentCaseSummary } from '../cases.presenter.ts';
import { listCaseHistory, listCaseNotes, listCaseWorkers } from '../cases.repository.ts';
import type { CaseDetailDto } from '../cases.schemas.ts';
import { loadCase } from './load-case.ts';

/**
 * A case for case workers: its question, internal notes, history, the members it may be assigned to and
 * the viewer's abilities.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getCase({
  ctx,
  community,
  caseId,
}: {
  ctx: Ctx;
  community: string;
  caseId: string;
}): Promise<CaseDetailDto> {
  const resource = await loadCase(ctx, community, caseId);
  authorize(casePolicy, 'work', ctx.actor, resource);
  const row = resource.case;
  const [notes, history, agents] = await Promise.all([
    listCaseNotes(ctx.kernel.db, row.id),
    listCaseHistory(ctx.kernel.db, row.id),
    listCaseWorkers(ctx.kernel.db, resource.community.id),
  ]);
  return {
    ...presentCaseSummary(row, ctx.locale),
    topicBodyHtml: row.topic_body_html,
    notes: notes.map((n) => ({
      id: n.id,
      author: { id: n.author_id, pseudonym: n.author_pseudonym },
      body: n.body,
      createdAt: n.created_at.toISOString(),
    })),
    history: history.map((h) => ({
      kind: h.kind,
      from: h.from_value,
      to: h.to_value,
      actor: h.actor_id && h.actor_pseudonym ? { id: h.actor_id, pseudonym: h.actor_pseudonym } : null,
      createdAt: h.created_at.toISOString(),
    })),
    agents: agents.map((a) => ({ id: a.id, pseudonym: a.pseudonym })),
    abilities: {
      ...abilitiesOf(casePolicy, ctx.actor, resource),
      answer: casePolicy.answer(ctx.actor, resource) && row.topic_status === 'published',
    },
  };
}
