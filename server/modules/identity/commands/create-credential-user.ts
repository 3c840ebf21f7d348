import type { Queryable } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/db/ids.ts';
import type { Kernel } from '../../../platform/kernel.ts';
import { insertCredentialUser } from '../identity.repository.ts';

/**
 * Creates an account with a verified email and a password: the same user and credential-account rows
 * better-auth writes at sign-up, without the verification email (set-up, demo seed, tests). Returns its id.
 * @throws the database's unique violation when the email is already used.
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
  const passwordHash = await (await kernel.auth.$context).password.hash(input.password);
  const id = newId();
  await insertCredentialUser(db, {
    id,
    name: input.name.trim(),
    email: input.email.trim().toLowerCase(),
    passwordHash,
    platformAdmin: !!input.platformAdmin,
    locale: input.locale ?? null,
  });
  return id;
}
