import type { Transaction } from 'kysely';
import type { DB } from '../../../../platform/db/schema.ts';
import type { RedemptionRow } from '../../../../platform/db/schema-catalogue.ts';
import { appendLedgerEntries } from '../../ledger.repository.ts';
import { addStock, findRedemptionEntry, lockReward } from '../catalogue.repository.ts';

/**
 * Gives a redemption's points back and its unit back to the reward's stock, inside the caller's
 * transaction. It locks the reward, then the balance, the order `redeemReward` takes them in, so the two
 * never deadlock. The refund entry is keyed `refund:<id>` and settles the
 * redemption's entry, so a replay never refunds twice.
 */
export async function refundRedemption(
  trx: Transaction<DB>,
  redemption: RedemptionRow,
  facts: { actorUserId: string | null; reason: string | null },
): Promise<void> {
  await lockReward(trx, redemption.reward_id);
  await addStock(trx, redemption.reward_id, 1);
  const entry = await findRedemptionEntry(trx, redemption.community_id, redemption.id);
  await appendLedgerEntries(trx, [
    {
      communityId: redemption.community_id,
      memberId: redemption.member_id,
      kind: 'refund',
      bucket: 'available',
      points: redemption.cost,
      parentId: entry?.id ?? null,
      redemptionId: redemption.id,
      sourceType: 'reward',
      sourceId: redemption.reward_id,
      reason: facts.reason,
      actorUserId: facts.actorUserId,
      idempotencyKey: `refund:${redemption.id}`,
    },
  ]);
}
