import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';

/** A campaign invitation by the hash of its token, locked for the transaction. */
export async function findInvitationByToken(db: Queryable, campaignId: string, hash: string) {
  return db
    .selectFrom('recruitment_invitations')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('token_hash', '=', hash)
    .forUpdate()
    .executeTakeFirst();
}

/** Marks an invitation used. */
export async function markInvitationUsed(db: Queryable, id: string): Promise<void> {
  await db
    .updateTable('recruitment_invitations')
    .set({ used_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/**
 * Which of these emails and phone numbers a community already knows: its members' accounts, earlier
 * applicants and earlier invitations (emails compared case-insensitively, phones in E.164).
 */
export async function knownContacts(
  db: Queryable,
  communityId: string,
  emails: string[],
  phones: string[],
): Promise<{ emails: Set<string>; phones: Set<string> }> {
  const found = { emails: new Set<string>(), phones: new Set<string>() };
  if (emails.length === 0 && phones.length === 0) return found;
  const lowered = emails.length > 0 ? emails : [''];
  const numbers = phones.length > 0 ? phones : [''];
  const members = await db
    .selectFrom('memberships as m')
    .innerJoin('auth_user as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.phone'])
    .where('m.community_id', '=', communityId)
    .where((eb) => eb.or([eb(eb.fn('lower', ['u.email']), 'in', lowered), eb('u.phone', 'in', numbers)]))
    .execute();
  const applicants = await db
    .selectFrom('recruitment_applications')
    .select(['email', 'phone'])
    .where('community_id', '=', communityId)
    .where((eb) => eb.or([eb(eb.fn('lower', ['email']), 'in', lowered), eb('phone', 'in', numbers)]))
    .execute();
  const invited = await db
    .selectFrom('recruitment_invitations')
    .select(['email', 'phone'])
    .where('community_id', '=', communityId)
    .where((eb) => eb.or([eb('email', 'in', lowered), eb('phone', 'in', numbers)]))
    .execute();
  for (const row of [...members, ...applicants, ...invited]) {
    found.emails.add(row.email.toLowerCase());
    if (row.phone) found.phones.add(row.phone);
  }
  return found;
}

/** Stores one invitation (its token hashed); false when the email was invited meanwhile (nothing stored). */
export async function insertInvitation(
  db: Queryable,
  row: {
    id: string;
    community_id: string;
    campaign_id: string;
    email: string;
    phone: string | null;
    name: string | null;
    locale: string;
    token_hash: string;
    expires_at: Date;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('recruitment_invitations')
    .values(row)
    .onConflict((oc) => oc.columns(['community_id', 'email']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!inserted;
}
