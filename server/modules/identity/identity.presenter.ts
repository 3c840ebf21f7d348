import type { Selectable } from 'kysely';
import type { AuthUserTable } from '../../platform/db/schema.ts';
import type { listUserMemberships } from './identity.repository.ts';
import type { MeDto } from './identity.schemas.ts';

/** Presents the signed-in account (its own identity, for its owner only) with its memberships. */
export function presentMe(
  user: Selectable<AuthUserTable>,
  memberships: Awaited<ReturnType<typeof listUserMemberships>>,
): MeDto {
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
