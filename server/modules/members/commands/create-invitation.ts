import { randomBytes } from 'node:crypto';
import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { communityPolicy } from '../../communities/communities.policy.ts';
import { CreateInvitationBody } from '../members.schemas.ts';
import { hashInvitationCode } from './join-community.ts';

/**
 * Creates a single-use invitation code (optionally bound to one email) and returns it once, with the
 * link to the join page. Staff who manage members only.
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
}) {
  const body = validate(CreateInvitationBody, input);
  const { community, membership } = await loadCommunity(ctx, key);
  authorize(communityPolicy, 'invite', ctx.actor, { community, membership });
  const code = randomBytes(12).toString('base64url');
  const expiresAt = new Date(Date.now() + (body.expiresInDays ?? 14) * 86_400_000);
  const id = newId();
  await transact(ctx.kernel, async (trx) => {
    await trx
      .insertInto('community_invitations')
      .values({
        id,
        community_id: community.id,
        code_hash: hashInvitationCode(code),
        email: body.email?.toLowerCase() ?? null,
        expires_at: expiresAt,
        created_by: ctx.actor!.userId,
      })
      .execute();
    await writeAudit(trx, {
      communityId: community.id,
      actorUserId: ctx.actor!.userId,
      action: 'invitation.create',
      targetType: 'invitation',
      targetId: id,
      data: { email: body.email ?? null },
    });
  });
  return {
    id,
    code,
    url: `${ctx.kernel.config.publicUrl}/c/${community.slug}/join?code=${encodeURIComponent(code)}`,
    email: body.email?.toLowerCase() ?? null,
    expiresAt: expiresAt.toISOString(),
  };
}
