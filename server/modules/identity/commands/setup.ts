import { createHash, randomBytes } from 'node:crypto';
import { writeAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { type Kernel, transact } from '../../../platform/kernel.ts';
import {
  insertSetupToken,
  lockSetupToken,
  markSetupTokenUsed,
  platformAdminExists,
} from '../identity.repository.ts';
import { SetupBody } from '../identity.schemas.ts';
import { createPlatformAdmin } from './create-platform-admin.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * First start: creates the platform admin from CERCLE_ADMIN_EMAIL/PASSWORD, or, when they are not set and
 * no admin exists, makes a one-time setup link (valid 24 h) and returns it to be printed in the log.
 * @throws AppError(validation_failed) for an invalid admin email or password in the environment.
 */
export async function ensureFirstAdmin(kernel: Kernel): Promise<{ setupUrl: string | null }> {
  if (kernel.config.admin) {
    await createPlatformAdmin(kernel, { ...kernel.config.admin, name: 'Admin' });
    return { setupUrl: null };
  }
  if (await platformAdminExists(kernel.db)) return { setupUrl: null };
  const token = randomBytes(24).toString('base64url');
  await insertSetupToken(kernel.db, hash(token), new Date(Date.now() + 86_400_000));
  return { setupUrl: `${kernel.config.publicUrl}/setup?token=${token}` };
}

/**
 * Completes the one-time setup: creates the first platform admin if the token is valid and no admin
 * exists, and audits it. The token is authorization enough: no session is needed.
 * @throws AppError(validation_failed | gone: token unknown, used or expired | conflict: an admin exists)
 */
export async function completeSetup({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const body = validate(SetupBody, input);
  return transact(ctx.kernel, async (trx) => {
    const token = await lockSetupToken(trx, hash(body.token));
    if (!token || token.used_at || token.expires_at < new Date()) throw new AppError('gone');
    if (await platformAdminExists(trx)) throw new AppError('conflict');
    const { userId } = await createPlatformAdmin(ctx.kernel, body, trx);
    await markSetupTokenUsed(trx, token.id);
    await writeAudit(trx, {
      communityId: null,
      actorUserId: userId,
      action: 'platform.setup',
      targetType: 'user',
      targetId: userId,
      data: { email: body.email.toLowerCase() },
    });
    return { userId, email: body.email.toLowerCase() };
  });
}
