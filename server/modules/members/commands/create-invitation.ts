import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { hashInvitationCode, newInvitationCode } from '../invitation-code.ts';
import { memberPolicy } from '../members.policy.ts';
import { insertInvitation } from '../members.repository.ts';
import { CreateInvitationBody, type InvitationDto } from '../members.schemas.ts';

/**
 * Creates a single-use invitation code (optionally bound to one email) and returns it once, with the
 * link to the join page. Staff who manage members only; audited.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function createInvitation({
  ctx,
  community: key,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<InvitationDto> {
  const body = validate(CreateInvitationBody, input);
  const loaded = await loadCommunity(ctx, key);
  authorize(memberPolicy, 'invite', ctx.actor, loaded);
  const actor = ctx.actor!;
  const code = newInvitationCode();
  const expiresAt = new Date(Date.now() + (body.expiresInDays ?? 14) * 86_400_000);
  const id = newId();
  const email = body.email?.toLowerCase() ?? null;
  await transact(ctx.kernel, async (trx) => {
    await insertInvitation(trx, {
      id,
      community_id: loaded.community.id,
      code_hash: hashInvitationCode(code),
      email,
      expires_at: expiresAt,
      created_by: actor.userId,
    });
    await writeAudit(trx, {
      communityId: loaded.community.id,
      actorUserId: actor.userId,
      action: 'invitation.create',
      targetType: 'invitation',
      targetId: id,
      data: { email },
    });
  });
  return {
    id,
    code,
    url: `${ctx.kernel.config.publicUrl}/c/${loaded.community.slug}/join?code=${encodeURIComponent(code)}`,
    email,
    expiresAt: expiresAt.toISOString(),
  };
}
