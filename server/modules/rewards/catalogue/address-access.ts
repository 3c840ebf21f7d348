import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { insertAccessLog } from '../../members/members.repository.ts';
import type { CatalogueResource } from './catalogue.policy.ts';
import type { RedemptionDetailRow } from './catalogue.repository.ts';

/** The purpose written in the access log when staff read a shipping address. */
export const ADDRESS_PURPOSE = 'redemption.shipping';

/**
 * Writes one access-log entry (field `shipping_address`, purpose `redemption.shipping`) for each shipping
 * address about to be shown to someone other than its redeemer (staff working the queue), like an identity
 * read (`getMemberIdentity`): no log, no address. A redeemer reading their own address logs nothing.
 */
export async function logAddressReads(
  ctx: Ctx,
  resource: CatalogueResource,
  rows: readonly Pick<RedemptionDetailRow, 'member_id' | 'shipping_address'>[],
): Promise<void> {
  const actorUserId = ctx.actor?.userId;
  if (!actorUserId) return;
  for (const row of rows) {
    if (row.shipping_address === null || row.member_id === resource.membership?.id) continue;
    await insertAccessLog(ctx.kernel.db, {
      id: newId(),
      community_id: resource.community.id,
      actor_user_id: actorUserId,
      subject_membership_id: row.member_id,
      fields: ['shipping_address'],
      purpose: ADDRESS_PURPOSE,
    });
  }
}
