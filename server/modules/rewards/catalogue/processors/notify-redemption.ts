import type { Transaction } from 'kysely';
import type { DB } from '../../../../platform/db/schema.ts';
import type { StoredEvent } from '../../../../platform/events/outbox.ts';
import type { Kernel } from '../../../../platform/kernel.ts';
import { deliverNotice } from '../../../notifications/deliver-notice.ts';
import { CatalogueEvents, type RedemptionPayload } from '../catalogue.events.ts';
import { findRedemptionDetail } from '../catalogue.repository.ts';

/** The steps a member hears about, by event type. */
const STEPS = {
  [CatalogueEvents.redemptionRequested]: 'requested',
  [CatalogueEvents.redemptionApproved]: 'approved',
  [CatalogueEvents.redemptionFulfilled]: 'fulfilled',
  [CatalogueEvents.redemptionRejected]: 'rejected',
} as const;

/** The redemption events that notify the member. */
export const NOTIFIED_EVENTS = Object.keys(STEPS);

/**
 * Tells the redeeming member about a step of their redemption, in the app and by email (unless they turned
 * reward emails off): requested (when it waits for staff), approved, fulfilled, rejected with the reason.
 * A voucher's `requested` is silent: its `fulfilled` follows in the same transaction. Idempotent: one
 * notification per event and member.
 */
export async function notifyRedemption(
  kernel: Kernel,
  event: StoredEvent,
  trx: Transaction<DB>,
): Promise<void> {
  const step = STEPS[event.type as keyof typeof STEPS];
  const payload = event.payload as unknown as RedemptionPayload;
  if (!step || (step === 'requested' && payload.autoApproved)) return;
  const redemption = await findRedemptionDetail(trx, payload.communityId, payload.redemptionId);
  if (!redemption) return;
  await deliverNotice(kernel, trx, {
    kind: 'reward',
    communityId: payload.communityId,
    sourceKey: event.id,
    recipientMemberId: payload.memberId,
    path: '/rewards/mine',
    params: {
      step,
      title: redemption.reward_title,
      cost: redemption.cost,
      reason: step === 'rejected' ? (redemption.reason ?? '') : '',
    },
    mail: { subject: `rewards.mail.${step}.subject`, body: `rewards.mail.${step}.body` },
  });
}
