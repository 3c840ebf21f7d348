import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';

/** The account row of a user. */
export async function findUser(db: Queryable, userId: string) {
  return db.selectFrom('auth_user').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
}

/** Whether an account exists (a deleted one does not). */
export async function userExists(db: Queryable, userId: string): Promise<boolean> {
  const row = await db.selectFrom('auth_user').select('id').where('id', '=', userId).executeTakeFirst();
  return !!row;
}

/** The id of the account with this email (case-insensitive), if any. */
export async function findUserIdByEmail(db: Queryable, email: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('auth_user')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
  return row?.id;
}

/** A user's memberships with their communities' names, by community name. */
export async function listUserMemberships(db: Queryable, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('communities as c', 'c.id', 'm.community_id')
    .select(['m.id', 'm.community_id', 'c.slug', 'c.name', 'm.pseudonym', 'm.role', 'm.status'])
    .where('m.user_id', '=', userId)
    .orderBy('c.name')
    .execute();
}

/** Updates a user's name, interface language or phone. */
export async function updateUser(
  db: Queryable,
  userId: string,
  values: { name?: string; locale?: string; phone?: string | null },
) {
  await db
    .updateTable('auth_user')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .execute();
}

/** Makes an account a platform admin with a verified email. */
export async function promoteToPlatformAdmin(db: Queryable, userId: string): Promise<void> {
  await db
    .updateTable('auth_user')
    .set({ is_platform_admin: true, email_verified: true })
    .where('id', '=', userId)
    .execute();
}

/** Inserts a verified user and its credential account (the rows better-auth writes at sign-up). */
export async function insertCredentialUser(
  db: Queryable,
  values: {
    id: string;
    name: string;
    email: string;
    passwordHash: string;
    platformAdmin: boolean;
    locale: string | null;
  },
): Promise<void> {
  await db
    .insertInto('auth_user')
    .values({
      id: values.id,
      name: values.name,
      email: values.email,
      email_verified: true,
      is_platform_admin: values.platformAdmin,
      image: null,
      phone: null,
      locale: values.locale,
    })
    .execute();
  await db
    .insertInto('auth_account')
    .values({
      id: newId(),
      account_id: values.id,
      provider_id: 'credential',
      user_id: values.id,
      password: values.passwordHash,
      access_token: null,
      refresh_token: null,
      id_token: null,
      scope: null,
    })
    .execute();
}

/** Whether any platform admin exists. */
export async function platformAdminExists(db: Queryable): Promise<boolean> {
  return !!(await db
    .selectFrom('auth_user')
    .select('id')
    .where('is_platform_admin', '=', true)
    .limit(1)
    .executeTakeFirst());
}

/** Stores a setup token's hash with its expiry. */
export async function insertSetupToken(db: Queryable, tokenHash: string, expiresAt: Date): Promise<void> {
  await db
    .insertInto('setup_tokens')
    .values({ id: newId(), token_hash: tokenHash, expires_at: expiresAt })
    .execute();
}

/** Finds a setup token by hash and locks it for the transaction. */
export async function lockSetupToken(db: Queryable, tokenHash: string) {
  return db
    .selectFrom('setup_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

/** Marks a setup token used. */
export async function markSetupTokenUsed(db: Queryable, id: string): Promise<void> {
  await db
    .updateTable('setup_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}
