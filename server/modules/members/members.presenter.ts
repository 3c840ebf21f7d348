import type { MembershipRow } from '../../platform/db/schema.ts';
import type { MemberDto } from './members.schemas.ts';

/** Presents a membership for the public directory: pseudonym, role and status; never the identity. */
export function presentMember(
  row: Pick<MembershipRow, 'id' | 'pseudonym' | 'role' | 'status' | 'bio' | 'joined_at'>,
): MemberDto {
  return {
    id: row.id,
    pseudonym: row.pseudonym,
    role: row.role,
    status: row.status,
    bio: row.bio,
    joinedAt: row.joined_at.toISOString(),
  };
}
