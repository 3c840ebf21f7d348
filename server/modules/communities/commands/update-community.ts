import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { CommunityUpdate } from '../../../platform/db/schema.ts';
import { AppError, isUniqueViolation } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { CommunityEvents } from '../communities.events.ts';
import { communityPolicy } from '../communities.policy.ts';
import { presentCommunity } from '../communities.presenter.ts';
import { updateCommunityRow } from '../communities.repository.ts';
import { UpdateCommunityBody, type CommunityDto } from '../communities.schemas.ts';
import { loadCommunity } from './load-community.ts';

/**
 * Changes a community's settings (its admins and platform admins) and emits `community.updated`.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function updateCommunity({
  ctx,
  community: key,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<CommunityDto> {
  const body = validate(UpdateCommunityBody, input);
  const loaded = await loadCommunity(ctx, key);
  const { community } = loaded;
  authorize(communityPolicy, 'update', ctx.actor, loaded);
  const values: CommunityUpdate = {};
  if (body.name !== undefined) values.name = body.name.trim();
  if (body.slug !== undefined) values.slug = body.slug;
  if (body.description !== undefined) values.description = body.description.trim();
  if (body.defaultLocale !== undefined) values.default_locale = body.defaultLocale;
  if (body.visibility !== undefined) values.visibility = body.visibility;
  if (body.joinPolicy !== undefined) values.join_policy = body.joinPolicy;
  if (body.memberCap !== undefined) values.member_cap = body.memberCap;
  if (body.logoUrl !== undefined) values.logo_url = body.logoUrl;
  if (body.primaryColor !== undefined) values.primary_color = body.primaryColor.toLowerCase();
  if (body.accentColor !== undefined) values.accent_color = body.accentColor.toLowerCase();
  const changed = Object.keys(values);
  if (changed.length === 0) return presentCommunity(community, ctx.actor, loaded);
  try {
    const row = await transact(ctx.kernel, async (trx, emit) => {
      const updated = await updateCommunityRow(trx, community.id, values);
      await emit({
        type: CommunityEvents.updated,
        communityId: community.id,
        actorUserId: ctx.actor!.userId,
        payload: { communityId: community.id, slug: updated.slug, changed },
      });
      await writeAudit(trx, {
        communityId: community.id,
        actorUserId: ctx.actor!.userId,
        action: 'community.update',
        targetType: 'community',
        targetId: community.id,
        data: { changed },
      });
      return updated;
    });
    return presentCommunity({ ...row, members_count: community.members_count }, ctx.actor, loaded);
  } catch (error) {
    if (isUniqueViolation(error, 'communities_slug_key'))
      throw AppError.field('/slug', 'validation.slugTaken');
    throw error;
  }
}
