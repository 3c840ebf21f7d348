import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import type { Kernel } from '../../../platform/kernel.ts';
import { SetupBody } from '../identity.schemas.ts';
import { createPlatformAdmin } from './create-platform-admin.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

async function hasPlatformAdmin(kernel: Kernel): Promise<boolean> {
  return !!(await kernel.db
    .selectFrom('auth_user')
    .select('id')
    .where('is_platform_admin', '=', true)
    .limit(1)
    .executeTakeFirst());
}

/**
 * First start: creates the platform admin from CERCLE_ADMIN_EMAIL/PASSWORD, or, when they are not set and
 * no admin exists, makes a one-time setup link (valid 24 h) and returns it to be printed in the log.
 */
export async function ensureFirstAdmin(kernel: Kernel): Promise<{ setupUrl: string | null }> {
  if (kernel.config.admin) {
    await createPlatformAdmin(kernel, { ...kernel.config.admin, name: 'Admin' });
    return { setupUrl: null };
  }
  if (await hasPlatformAdmin(kernel)) return { setupUrl: null };
  const token = randomBytes(24).toString('base64url');
  await kernel.db
    .insertInto('setup_tokens')
    .values({ id: newId(), token_hash: hash(token), expires_at: new Date(Date.now() + 86_400_000) })
    .execute();
  return { setupUrl: `${kernel.config.publicUrl}/setup?token=${token}` };
}

/**
 * Completes the one-time setup: creates the first platform admin if the token is valid and no admin exists.
 * @throws AppError(validation_failed | gone: token unknown, used or expired | conflict: an admin exists)
 */
export async function completeSetup({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const body = validate(SetupBody, input);
  const kernel = ctx.kernel;
  return kernel.db.transaction().execute(async (trx) => {
    const token = await trx
      .selectFrom('setup_tokens')
      .selectAll()
      .where('token_hash', '=', hash(body.token))
      .forUpdate()
      .executeTakeFirst();
    if (!token || token.used_at || token.expires_at < new Date()) throw new AppError('gone');
    const admin = await trx
      .selectFrom('auth_user')
      .select('id')
      .where('is_platform_admin', '=', true)
      .limit(1)
      .executeTakeFirst();
    if (admin) throw new AppError('conflict');
    const { userId } = await createPlatformAdmin(kernel, body, trx);
    await trx
      .updateTable('setup_tokens')
      .set({ used_at: sql<Date>`now()` })
      .where('id', '=', token.id)
      .execute();
    return { userId, email: body.email.toLowerCase() };
  });
}
