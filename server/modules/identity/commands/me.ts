import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { validate } from '../../../platform/http/validation.ts';
import { identityPolicy } from '../identity.policy.ts';
import { presentMe } from '../identity.presenter.ts';
import { findUser, listUserMemberships, updateUser } from '../identity.repository.ts';
import { type MeDto, UpdateMeBody } from '../identity.schemas.ts';

/**
 * The signed-in account with its memberships.
 * @throws AppError(unauthenticated)
 */
export async function getMe({ ctx }: { ctx: Ctx }): Promise<MeDto> {
  authorize(identityPolicy, 'readOwnAccount', ctx.actor, null);
  const userId = ctx.actor!.userId;
  const [user, memberships] = await Promise.all([
    findUser(ctx.kernel.db, userId),
    listUserMemberships(ctx.kernel.db, userId),
  ]);
  return presentMe(user, memberships);
}

/**
 * Updates the account's name, interface language or phone.
 * @throws AppError(validation_failed | unauthenticated)
 */
export async function updateMe({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<MeDto> {
  const body = validate(UpdateMeBody, input);
  authorize(identityPolicy, 'updateOwnAccount', ctx.actor, null);
  await updateUser(ctx.kernel.db, ctx.actor!.userId, {
    ...(body.name !== undefined ? { name: body.name.trim() } : {}),
    ...(body.locale !== undefined ? { locale: body.locale } : {}),
    ...(body.phone !== undefined ? { phone: body.phone } : {}),
  });
  return getMe({ ctx });
}
