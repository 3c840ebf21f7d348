import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, isUniqueViolation } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { CommunityEvents } from '../communities.events.ts';
import { communityCreationPolicy } from '../communities.policy.ts';
import { presentCommunity } from '../communities.presenter.ts';
import { insertCommunity } from '../communities.repository.ts';
import { CreateCommunityBody, type CommunityDto } from '../communities.schemas.ts';

/**
 * Creates a community (platform admins only) and emits `community.created`.
 * @throws AppError(validation_failed) for bad input or a slug already used; unauthenticated/forbidden.
 */
export async function createCommunity({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<CommunityDto> {
  const body = validate(CreateCommunityBody, input);
  authorize(communityCreationPolicy, 'createCommunity', ctx.actor, null);
  try {
    const row = await transact(ctx.kernel, async (trx, emit) => {
      const created = await insertCommunity(trx, {
        id: newId(),
        slug: body.slug,
        name: body.name.trim(),
        description: body.description?.trim() ?? '',
        default_locale: body.defaultLocale ?? ctx.locale,
        visibility: body.visibility ?? 'public',
        join_policy: body.joinPolicy ?? 'open',
        member_cap: body.memberCap ?? null,
        logo_url: body.logoUrl ?? null,
        ...(body.primaryColor ? { primary_color: body.primaryColor.toLowerCase() } : {}),
        ...(body.accentColor ? { accent_color: body.accentColor.toLowerCase() } : {}),
      });
      await emit({
        type: CommunityEvents.created,
        communityId: created.id,
        actorUserId: ctx.actor!.userId,
        payload: { communityId: created.id, slug: created.slug, changed: [] },
      });
      await writeAudit(trx, {
        communityId: created.id,
        actorUserId: ctx.actor!.userId,
        action: 'community.create',
        targetType: 'community',
        targetId: created.id,
        data: { slug: created.slug },
      });
      return created;
    });
    return presentCommunity({ ...row, members_count: 0 }, ctx.actor, { membership: null });
  } catch (error) {
    if (isUniqueViolation(error, 'communities_slug_key'))
      throw AppError.field('/slug', 'validation.slugTaken');
    throw error;
  }
}
