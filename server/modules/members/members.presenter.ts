import type { MembershipRow } from '../../platform/db/schema.ts';
import type { MemberDto } from './members.schemas.ts';

/**
 * Presents a membership for the public directory: pseudonym, role, rank (`ranks`, from `rankNamesOf`:
 * one query a page) and status; never the identity.
 */
export function presentMember(
  row: Pick<MembershipRow, 'id' | 'pseudonym' | 'role' | 'status' | 'bio' | 'joined_at'>,
  ranks: ReadonlyMap<string, string> = new Map(),
): MemberDto {
  return {
    id: row.id,
    pseudonym: row.pseudonym,
    role: row.role,
    rank: ranks.get(row.id) ?? null,
    status: row.status,
    bio: row.bio,
    joinedAt: row.joined_at.toISOString(),
  };
}
