import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

/** A reward kind. */
export const RewardKindSchema = Type.Union([
  Type.Literal('gift'),
  Type.Literal('voucher'),
  Type.Literal('donation'),
  Type.Literal('cashout'),
]);
/** A redemption status. */
export const RedemptionStatusSchema = Type.Union([
  Type.Literal('requested'),
  Type.Literal('approved'),
  Type.Literal('fulfilled'),
  Type.Literal('rejected'),
  Type.Literal('cancelled'),
]);

/** Path parameters: a community and a reward id. */
export const RewardParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  rewardId: Uuid,
});
/** Path parameters: a community and a redemption id. */
export const RedemptionParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  redemptionId: Uuid,
});

const rewardFields = {
  title: Type.String({ minLength: 1, maxLength: 120 }),
  description: Type.String({ maxLength: 5000 }),
  cost: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
  stock: Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  perMemberLimit: Nullable(Type.Integer({ minimum: 1, maximum: 1000 })),
  availableFrom: Nullable(DateTime),
  availableUntil: Nullable(DateTime),
  minLifetimePoints: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
  /** The lowest rank a member must hold: its position in the community's ranks (1 = the second). */
  minRankPosition: Nullable(Type.Integer({ minimum: 1, maximum: 49 })),
  /** The panel segment a member must belong to. */
  segmentId: Nullable(Uuid),
  /** The reward's image: an upload of the caller's, not yet attached (`uploadImage`). */
  imageId: Nullable(Uuid),
  pointsPerUnit: Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  currency: Nullable(Type.String({ pattern: '^[A-Z]{3}$', 'x-message': 'rewards.validation.currency' })),
  active: Type.Boolean(),
};

/** A new reward: kind, title and cost are required; vouchers get their stock from imported codes. */
export const CreateRewardBody = Type.Object(
  {
    kind: RewardKindSchema,
    title: rewardFields.title,
    cost: rewardFields.cost,
    description: Type.Optional(rewardFields.description),
    stock: Type.Optional(rewardFields.stock),
    perMemberLimit: Type.Optional(rewardFields.perMemberLimit),
    availableFrom: Type.Optional(rewardFields.availableFrom),
    availableUntil: Type.Optional(rewardFields.availableUntil),
    minLifetimePoints: Type.Optional(rewardFields.minLifetimePoints),
    minRankPosition: Type.Optional(rewardFields.minRankPosition),
    segmentId: Type.Optional(rewardFields.segmentId),
    imageId: Type.Optional(rewardFields.imageId),
    pointsPerUnit: Type.Optional(rewardFields.pointsPerUnit),
    currency: Type.Optional(rewardFields.currency),
    active: Type.Optional(rewardFields.active),
  },
  { additionalProperties: false },
);
/** A new reward (type). */
export type CreateRewardInput = Static<typeof CreateRewardBody>;

/** Changes to a reward (its kind never changes): only the fields given change. */
export const UpdateRewardBody = Type.Object(
  {
    title: Type.Optional(rewardFields.title),
    cost: Type.Optional(rewardFields.cost),
    description: Type.Optional(rewardFields.description),
    stock: Type.Optional(rewardFields.stock),
    perMemberLimit: Type.Optional(rewardFields.perMemberLimit),
    availableFrom: Type.Optional(rewardFields.availableFrom),
    availableUntil: Type.Optional(rewardFields.availableUntil),
    minLifetimePoints: Type.Optional(rewardFields.minLifetimePoints),
    minRankPosition: Type.Optional(rewardFields.minRankPosition),
    segmentId: Type.Optional(rewardFields.segmentId),
    imageId: Type.Optional(rewardFields.imageId),
    pointsPerUnit: Type.Optional(rewardFields.pointsPerUnit),
    currency: Type.Optional(rewardFields.currency),
    active: Type.Optional(rewardFields.active),
  },
  { additionalProperties: false, minProperties: 1 },
);
/** Changes to a reward (type). */
export type UpdateRewardInput = Static<typeof UpdateRewardBody>;

/** Filters of the catalogue: staff may include inactive rewards. */
export const ListRewardsQuery = Type.Object(
  {
    includeInactive: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** Why the viewer cannot redeem a reward right now (null: they can). */
export const UNAVAILABLE_REASONS = [
  'inactive',
  'notStarted',
  'ended',
  'outOfStock',
  'notEligible',
  'rankTooLow',
  'notInSegment',
  'limitReached',
  'insufficient',
] as const;

/** A reward's image (served from `/uploads/:id` to whoever sees the catalogue). */
const RewardImage = Type.Object({
  id: Uuid,
  url: Type.String(),
  contentType: Type.String(),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  alt: Type.String(),
});

/** A reward of the catalogue, with what the viewer may do with it. */
export const Reward = Type.Object({
  id: Uuid,
  kind: RewardKindSchema,
  title: Type.String(),
  description: Type.String(),
  cost: Type.Integer(),
  stock: Nullable(Type.Integer()),
  perMemberLimit: Nullable(Type.Integer()),
  availableFrom: Nullable(DateTime),
  availableUntil: Nullable(DateTime),
  minLifetimePoints: Type.Integer(),
  /** Reserved for members of this rank or higher (its position and name), or null. */
  minRank: Nullable(Type.Object({ position: Type.Integer(), name: Type.String() })),
  /** Reserved for members of this panel segment, or null. */
  segment: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  /** The reward's image, or null. */
  image: Nullable(RewardImage),
  /** Cash-out: the points per unit of currency and what one redemption is worth. */
  cashOut: Nullable(
    Type.Object({ pointsPerUnit: Type.Integer(), currency: Type.String(), amount: Type.Number() }),
  ),
  active: Type.Boolean(),
  /** How many of the viewer's redemptions of it count towards the limit. */
  myRedemptions: Type.Integer(),
  unavailableReason: Nullable(
    Type.Union([
      Type.Literal('inactive'),
      Type.Literal('notStarted'),
      Type.Literal('ended'),
      Type.Literal('outOfStock'),
      Type.Literal('notEligible'),
      Type.Literal('rankTooLow'),
      Type.Literal('notInSegment'),
      Type.Literal('limitReached'),
      Type.Literal('insufficient'),
    ]),
  ),
  createdAt: DateTime,
  updatedAt: DateTime,
});
/** A reward (type). */
export type RewardDto = Static<typeof Reward>;

const Balance = Type.Object({
  pending: Type.Integer(),
  available: Type.Integer(),
  lifetime: Type.Integer(),
});

/** One page of the catalogue with the viewer's balance (null without a membership) and abilities. */
export const RewardPage = Type.Object({
  items: Type.Array(Reward),
  nextCursor: Nullable(Type.String()),
  balance: Nullable(Balance),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});
/** A page of the catalogue (type). */
export type RewardPageDto = Static<typeof RewardPage>;

/** Voucher codes to import: CSV text, one code per line (first column; a `code` header is skipped). */
export const ImportVoucherCodesBody = Type.Object(
  {
    csv: Type.String({ minLength: 1, maxLength: 2_000_000 }),
    /** Import the valid rows and report the others; without it, one bad row imports nothing. */
    skipInvalid: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** The outcome of a voucher import: counts, the refused rows (line numbers from 1) and the new stock. */
export const VoucherImportResult = Type.Object({
  imported: Type.Integer(),
  rejected: Type.Integer(),
  errors: Type.Array(
    Type.Object({
      line: Type.Integer(),
      code: Type.String(),
      error: Type.Union([
        Type.Literal('empty'),
        Type.Literal('tooLong'),
        Type.Literal('duplicateInFile'),
        Type.Literal('alreadyImported'),
      ]),
      message: Type.String(),
    }),
  ),
  stock: Type.Integer(),
});
/** A voucher import's outcome (type). */
export type VoucherImportResultDto = Static<typeof VoucherImportResult>;

/** A redemption request: a shipping address for gifts, and a key that makes a retried request safe. */
export const RedeemBody = Type.Object(
  {
    shippingAddress: Type.Optional(Type.String({ maxLength: 1000 })),
    idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

/** Staff's decision on a requested redemption; a rejection needs a reason (shown to the member). */
export const DecideBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

/** Fulfilment of an approved redemption (shipped, donation made, cash paid), with an optional note. */
export const FulfillBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);

/** Cancelling takes no options: an empty JSON object. */
export const CancelBody = Type.Object({}, { additionalProperties: false });

/** Filters of the redemption queue (staff) and of the caller's own redemptions. */
export const ListRedemptionsQuery = Type.Object(
  {
    status: Type.Optional(RedemptionStatusSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** A redemption; the voucher code is present for its redeemer only. */
export const Redemption = Type.Object({
  id: Uuid,
  reward: Type.Object({ id: Uuid, kind: RewardKindSchema, title: Type.String() }),
  member: Type.Object({ id: Uuid, pseudonym: Type.String() }),
  cost: Type.Integer(),
  status: RedemptionStatusSchema,
  statusLabel: Type.String(),
  shippingAddress: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  code: Nullable(Type.String()),
  createdAt: DateTime,
  decidedAt: Nullable(DateTime),
  fulfilledAt: Nullable(DateTime),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});
/** A redemption (type). */
export type RedemptionDto = Static<typeof Redemption>;
