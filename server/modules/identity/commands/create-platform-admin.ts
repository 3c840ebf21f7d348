import { Type } from 'typebox';
import type { Queryable } from '../../../platform/db/database.ts';
import { validate } from '../../../platform/http/validation.ts';
import type { Kernel } from '../../../platform/kernel.ts';
import { findUserIdByEmail, promoteToPlatformAdmin } from '../identity.repository.ts';
import { Credentials } from '../identity.schemas.ts';
import { createCredentialUser } from './create-credential-user.ts';

const AdminInput = Type.Object(Credentials);

/**
 * Creates a platform admin with a verified email and a password, or promotes the existing account with
 * that email. Used by first-start set-up and the CLI.
 * @throws AppError(validation_failed)
 */
export async function createPlatformAdmin(
  kernel: Kernel,
  input: { email: string; password: string; name: string },
  db: Queryable = kernel.db,
): Promise<{ userId: string; created: boolean }> {
  const body = validate(AdminInput, input);
  const email = body.email.trim().toLowerCase();
  const existing = await findUserIdByEmail(db, email);
  if (existing) {
    await promoteToPlatformAdmin(db, existing);
    return { userId: existing, created: false };
  }
  const userId = await createCredentialUser(kernel, { ...body, email, platformAdmin: true }, db);
  return { userId, created: true };
}
