import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { listSmsMessages } from '../../../platform/sms/sms-sender.ts';
import { adminPolicy } from '../../admin/admin.policy.ts';
import type { SmsListDto } from '../recruitment.schemas.ts';

/**
 * The latest text messages of the SMS outbox, newest first (platform admins, like the email outbox): in
 * embedded mode this is where phone codes can be read.
 * @throws AppError(unauthenticated | forbidden)
 */
export async function listSms({ ctx, limit = 50 }: { ctx: Ctx; limit?: number }): Promise<SmsListDto> {
  authorize(adminPolicy, 'readMailOutbox', ctx.actor, null);
  const rows = await listSmsMessages(ctx.kernel.db, limit);
  return {
    provider: ctx.kernel.sms.provider,
    items: rows.map((r) => ({
      id: r.id,
      to: r.to_number,
      text: r.body,
      kind: r.kind,
      status: r.status,
      attempts: r.attempts,
      error: r.error,
      createdAt: r.created_at.toISOString(),
    })),
  };
}
