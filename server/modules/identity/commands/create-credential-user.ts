import type { Queryable } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/db/ids.ts';
import type { Kernel } from '../../../platform/kernel.ts';

/**
 * Creates an account with a verified email and a password: the same user and credential-account rows
 * better-auth writes at sign-up, without the verification email (set-up, demo seed, tests).
 */
export async function createCredentialUser(
  kernel: Kernel,
  input: {
    email: string;
    password: string;
    name: string;
    platformAdmin?: boolean;
    locale?: 'fr' | 'en' | null;
  },
  db: Queryable = kernel.db,
): Promise<string> {
  const hash = await (await kernel.auth.$context).password.hash(input.password);
  const userId = newId();
  await db
    .insertInto('auth_user')
    .values({
      id: userId,
      name: input.name.trim(),
      email: input.email.trim().toLowerCase(),
      email_verified: true,
      is_platform_admin: !!input.platformAdmin,
      image: null,
      phone: null,
      locale: input.locale ?? null,
    })
    .execute();
  await db
    .insertInto('auth_account' as never)
    .values({
      id: newId(),
      account_id: userId,
      provider_id: 'credential',
      user_id: userId,
      password: hash,
    })
    .execute();
  return userId;
}
