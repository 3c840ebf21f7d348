import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { type MeDto, UpdateMeBody } from '../identity.schemas.ts';

/**
 * The signed-in account with its memberships.
 * @throws AppError(unauthenticated)
 */
export async function getMe({ ctx }: { ctx: Ctx }): Promise<MeDto> {
  if (!ctx.actor) throw new AppError('unauthenticated');
  const db = ctx.kernel.db;
  const [user, memberships] = await Promise.all([
    db.selectFrom('auth_user').selectAll().where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow(),
    db
      .selectFrom('memberships as m')
      .innerJoin('communities as c', 'c.id', 'm.community_id')
      .select(['m.id', 'm.community_id', 'c.slug', 'c.name', 'm.pseudonym', 'm.role', 'm.status'])
      .where('m.user_id', '=', ctx.actor.userId)
      .orderBy('c.name')
      .execute(),
  ]);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    emailVerified: user.email_verified,
    locale: user.locale === 'fr' || user.locale === 'en' ? user.locale : null,
    isPlatformAdmin: user.is_platform_admin,
    memberships: memberships.map((m) => ({
      id: m.id,
      communityId: m.community_id,
      communitySlug: m.slug,
      communityName: m.name,
      pseudonym: m.pseudonym,
      role: m.role,
      status: m.status,
    })),
  };
}

/**
 * Updates the account's name, interface language or phone.
 * @throws AppError(unauthenticated | validation_failed)
 */
export async function updateMe({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<MeDto> {
  const body = validate(UpdateMeBody, input);
  if (!ctx.actor) throw new AppError('unauthenticated');
  const values: { name?: string; locale?: string; phone?: string | null; updated_at: Date } = {
    updated_at: new Date(),
  };
  if (body.name !== undefined) values.name = body.name.trim();
  if (body.locale !== undefined) values.locale = body.locale;
  if (body.phone !== undefined) values.phone = body.phone;
  await ctx.kernel.db.updateTable('auth_user').set(values).where('id', '=', ctx.actor.userId).execute();
  return getMe({ ctx });
}
