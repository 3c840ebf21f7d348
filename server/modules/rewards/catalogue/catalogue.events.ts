import type { RedemptionStatus, RewardKind } from '../../../platform/db/schema-catalogue.ts';

/** Events of the rewards catalogue and of redemptions (`resource.past_tense`). */
export const CatalogueEvents = {
  rewardCreated: 'reward.created',
  rewardUpdated: 'reward.updated',
  codesImported: 'voucher_codes.imported',
  redemptionRequested: 'redemption.requested',
  redemptionApproved: 'redemption.approved',
  redemptionFulfilled: 'redemption.fulfilled',
  redemptionRejected: 'redemption.rejected',
  redemptionCancelled: 'redemption.cancelled',
} as const;

/** The redemption events, in the order a redemption goes through them. */
export const REDEMPTION_EVENTS = [
  CatalogueEvents.redemptionRequested,
  CatalogueEvents.redemptionApproved,
  CatalogueEvents.redemptionFulfilled,
  CatalogueEvents.redemptionRejected,
  CatalogueEvents.redemptionCancelled,
] as const;

/** Payload of `reward.created` and `reward.updated` (`changed`: the fields set). */
export type RewardChangedPayload = {
  communityId: string;
  rewardId: string;
  kind: RewardKind;
  changed: string[];
};

/** Payload of `voucher_codes.imported`: how many codes were added (never the codes themselves). */
export type CodesImportedPayload = {
  communityId: string;
  rewardId: string;
  imported: number;
  rejected: number;
};

/** Payload of every redemption event: ids and facts, never a code, an address or an identity. */
export type RedemptionPayload = {
  communityId: string;
  redemptionId: string;
  rewardId: string;
  rewardKind: RewardKind;
  memberId: string;
  cost: number;
  status: RedemptionStatus;
  /** `redemption.requested` of a voucher: approved and fulfilled in the same transaction. */
  autoApproved?: boolean;
};

/** The payload of a redemption event, from the redemption's row as it now stands. */
export function redemptionPayloadOf(
  row: {
    id: string;
    community_id: string;
    reward_id: string;
    member_id: string;
    cost: number;
    status: RedemptionStatus;
  },
  rewardKind: RewardKind,
): RedemptionPayload {
  return {
    communityId: row.community_id,
    redemptionId: row.id,
    rewardId: row.reward_id,
    rewardKind,
    memberId: row.member_id,
    cost: row.cost,
    status: row.status,
  };
}
