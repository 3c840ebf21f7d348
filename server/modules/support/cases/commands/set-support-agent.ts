import { writeAudit } from '../../../../platform/audit.ts';
import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { AppError } from '../../../../platform/errors/app-error.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { transact } from '../../../../platform/kernel.ts';
import { CaseEvents } from '../cases.events.ts';
import { casePolicy } from '../cases.policy.ts';
import { findCaseWorker, setAgentFlag } from '../cases.repository.ts';
import { SupportAgentBody } from '../cases.schemas.ts';
import { loadCaseCommunity } from './load-case.ts';

/**
 * Grants or revokes a member's support-agent ability (community admins and platform admins): agents work
 * the case queue and answer officially. Emits `support_agent.granted` / `support_agent.revoked` and audits
 * the change (nothing when it changes nothing).
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function setSupportAgent({
  ctx,
  community,
  memberId,
  input,
}: {
  ctx: Ctx;
  community: string;
  memberId: string;
  input: unknown;
}): Promise<{ memberId: string; supportAgent: boolean }> {
  const body = validate(SupportAgentBody, input);
  const resource = await loadCaseCommunity(ctx, community);
  authorize(casePolicy, 'manageAgents', ctx.actor, resource);
  const target = await findCaseWorker(ctx.kernel.db, resource.community.id, memberId);
  if (!target) throw new AppError('not_found');
  if (target.support_agent !== body.agent) {
    await transact(ctx.kernel, async (trx, emit) => {
      await setAgentFlag(trx, target.id, body.agent);
      await emit({
        type: body.agent ? CaseEvents.agentGranted : CaseEvents.agentRevoked,
        communityId: resource.community.id,
        actorUserId: ctx.actor!.userId,
        payload: { communityId: resource.community.id, memberId: target.id },
      });
      await writeAudit(trx, {
        communityId: resource.community.id,
        actorUserId: ctx.actor!.userId,
        action: 'member.support_agent',
        targetType: 'membership',
        targetId: target.id,
        data: { from: target.support_agent, to: body.agent },
      });
    });
  }
  return { memberId: target.id, supportAgent: body.agent };
}
