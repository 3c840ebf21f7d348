import { Type, type Static } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { POINT_ACTIONS } from './point-rules.ts';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Reason = Type.String({
  minLength: 1,
  maxLength: 500,
  pattern: '\\S',
  'x-message': 'points.validation.reason',
});

/** Path parameters: a community and an award (a ledger entry of kind `award`). */
export const AwardParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  awardId: Uuid,
});
/** Path parameters: a community and a burst flag. */
export const FlagParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  flagId: Uuid,
});
/** Path parameters: a community and a badge. */
export const BadgeParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  badgeId: Uuid,
});
/** Path parameters: a community and a member's badge award. */
export const MemberBadgeParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  memberBadgeId: Uuid,
});

/** One action's rule as sent to change it. */
export const PointRuleInput = Type.Object(
  {
    action: Type.Union(
      POINT_ACTIONS.map((a) => Type.Literal(a)),
      { 'x-message': 'validation.invalidChoice' },
    ),
    points: Type.Integer({ minimum: 0, maximum: 10000 }),
    dailyCap: Nullable(Type.Integer({ minimum: 1, maximum: 100000 })),
    enabled: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** The settings of the points area. */
export const RewardsSettingsSchema = Type.Object(
  {
    reviewHours: Type.Integer({ minimum: 0, maximum: 2160 }),
    pairDailyCap: Type.Integer({ minimum: 1, maximum: 100000 }),
    burstPoints: Type.Integer({ minimum: 1, maximum: 1000000 }),
  },
  { additionalProperties: false },
);

/** Changes to the rules (any subset of actions, each once) and/or the settings. */
export const UpdatePointRulesBody = Type.Object(
  {
    rules: Type.Optional(Type.Array(PointRuleInput, { maxItems: POINT_ACTIONS.length })),
    settings: Type.Optional(Type.Partial(RewardsSettingsSchema, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

/** A rule as members and staff read it. */
export const PointRule = Type.Object({
  action: Type.String(),
  points: Type.Integer(),
  dailyCap: Nullable(Type.Integer()),
  enabled: Type.Boolean(),
  declaredAmount: Type.Boolean(),
});

/** The rules of a community: every action (members see only enabled ones) and the settings. */
export const PointRules = Type.Object({
  rules: Type.Array(PointRule),
  settings: Type.Object({
    reviewHours: Type.Integer(),
    /** Staff only (null for members). */
    pairDailyCap: Nullable(Type.Integer()),
    burstPoints: Nullable(Type.Integer()),
  }),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});
/** The rules (type). */
export type PointRulesDto = Static<typeof PointRules>;

/** Query of a balance or a history: a member (staff only; default: oneself). */
export const BalanceQuery = Type.Object({ memberId: Type.Optional(Uuid) }, { additionalProperties: false });

/** A member's balances, derived from the ledger. */
export const PointsBalance = Type.Object({
  memberId: Uuid,
  pseudonym: Type.String(),
  pending: Type.Integer(),
  available: Type.Integer(),
  lifetime: Type.Integer(),
  rank: Nullable(Type.String()),
  leaderboardOptOut: Type.Boolean(),
});
/** A balance (type). */
export type PointsBalanceDto = Static<typeof PointsBalance>;

const LedgerKind = Type.Union(
  ['award', 'release', 'denial', 'reversal', 'adjustment', 'redemption', 'refund'].map((k) =>
    Type.Literal(k),
  ),
  { 'x-message': 'validation.invalidChoice' },
);
const AwardStatus = Type.Union(
  ['pending', 'available', 'denied', 'reversed'].map((k) => Type.Literal(k)),
  { 'x-message': 'validation.invalidChoice' },
);

/** Filters of a ledger history: member (staff), kind, status of awards, dates, and a page. */
export const LedgerQuery = Type.Object(
  {
    memberId: Type.Optional(Uuid),
    kind: Type.Optional(LedgerKind),
    status: Type.Optional(AwardStatus),
    from: Type.Optional(Type.String({ format: 'date', 'x-message': 'points.validation.date' })),
    to: Type.Optional(Type.String({ format: 'date', 'x-message': 'points.validation.date' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
/** The ledger filters (type). */
export type LedgerQueryInput = Static<typeof LedgerQuery>;

/** Filters of the CSV export: dates and a member. */
export const LedgerExportQuery = Type.Object(
  {
    memberId: Type.Optional(Uuid),
    from: Type.Optional(Type.String({ format: 'date', 'x-message': 'points.validation.date' })),
    to: Type.Optional(Type.String({ format: 'date', 'x-message': 'points.validation.date' })),
  },
  { additionalProperties: false },
);

/** One ledger entry as its member (or staff) reads it; awards carry their derived status. */
export const LedgerEntry = Type.Object({
  id: Uuid,
  memberId: Uuid,
  pseudonym: Type.String(),
  kind: Type.String(),
  bucket: Type.String(),
  points: Type.Integer(),
  action: Nullable(Type.String()),
  /** Awards only: pending, available, denied or reversed. */
  status: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  parentId: Nullable(Uuid),
  sourceType: Nullable(Type.String()),
  sourceId: Nullable(Uuid),
  releaseAt: Nullable(DateTime),
  createdAt: DateTime,
});
/** A ledger entry (type). */
export type LedgerEntryDto = Static<typeof LedgerEntry>;

/** A staff adjustment: a member, a non-zero signed amount and a mandatory reason. */
export const AdjustPointsBody = Type.Object(
  {
    memberId: Uuid,
    points: Type.Integer({
      minimum: -1000000,
      maximum: 1000000,
      not: { const: 0 },
      'x-message': 'points.validation.nonZero',
    }),
    reason: Reason,
  },
  { additionalProperties: false },
);

/** The empty body of actions that need nothing more than their path (release, resolve). */
export const EmptyBody = Type.Object({}, { additionalProperties: false });

/** A denial's reason, shown to the member. */
export const DenyAwardBody = Type.Object({ reason: Reason }, { additionalProperties: false });

/** Query of the pending awards staff review. */
export const PendingQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

/**
 * One rank, as read and as sent (thresholds over lifetime points, solutions, kudos, tenure and the
 * panel's reliability score; null: no reliability asked) and the abilities it grants.
 */
export const RankInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' }),
    minPoints: Type.Integer({ minimum: 0, maximum: 100000000 }),
    minSolutions: Type.Integer({ minimum: 0, maximum: 1000000 }),
    minKudos: Type.Integer({ minimum: 0, maximum: 1000000 }),
    minTenureDays: Type.Integer({ minimum: 0, maximum: 36500 }),
    minReliability: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100 }))),
    skipsPremoderation: Type.Boolean(),
    marksAnySolution: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** The whole ordered list of ranks, lowest first. */
export const UpdateRanksBody = Type.Object(
  { ranks: Type.Array(RankInput, { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);

/** A rank as read, with how many members hold it. */
export const Rank = Type.Object({
  id: Nullable(Uuid),
  position: Type.Integer(),
  name: Type.String(),
  minPoints: Type.Integer(),
  minSolutions: Type.Integer(),
  minKudos: Type.Integer(),
  minTenureDays: Type.Integer(),
  minReliability: Nullable(Type.Integer()),
  skipsPremoderation: Type.Boolean(),
  marksAnySolution: Type.Boolean(),
  membersCount: Type.Integer(),
});
/** The ranks of a community. */
export const Ranks = Type.Object({
  items: Type.Array(Rank),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});
/** The ranks (type). */
export type RanksDto = Static<typeof Ranks>;

/** A badge: `rule` set for the automatic ones (named by the interface), `name` for staff-made ones. */
export const Badge = Type.Object({
  id: Uuid,
  rule: Nullable(Type.String()),
  name: Nullable(Type.String()),
  description: Type.String(),
  holdersCount: Type.Integer(),
  createdAt: DateTime,
});
/** A badge (type). */
export type BadgeDto = Static<typeof Badge>;
/** The badges of a community. */
export const Badges = Type.Object({
  items: Type.Array(Badge),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});
/** A new hand-awarded badge. */
export const CreateBadgeBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' }),
    description: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
/** Awarding a badge by hand to a member. */
export const AwardBadgeBody = Type.Object({ memberId: Uuid }, { additionalProperties: false });
/** Revoking a member's badge, with a reason. */
export const RevokeBadgeBody = Type.Object({ reason: Reason }, { additionalProperties: false });

/** A badge held (or once held) by a member. */
export const MemberBadge = Type.Object({
  id: Uuid,
  badgeId: Uuid,
  rule: Nullable(Type.String()),
  name: Nullable(Type.String()),
  description: Type.String(),
  memberId: Uuid,
  awardedAt: DateTime,
  byHand: Type.Boolean(),
  revokedAt: Nullable(DateTime),
  revokeReason: Nullable(Type.String()),
});
/** A member's badge (type). */
export type MemberBadgeDto = Static<typeof MemberBadge>;
/** A member's badges (staff also see revoked ones). */
export const MemberBadges = Type.Object({
  items: Type.Array(MemberBadge),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});

/** Query of a leaderboard: this month or all time, the community or one board. */
export const LeaderboardQuery = Type.Object(
  {
    period: Type.Optional(
      Type.Union([Type.Literal('month'), Type.Literal('all')], {
        default: 'month',
        'x-message': 'validation.invalidChoice',
      }),
    ),
    board: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
/** A leaderboard: members by points earned in the period (opted-out members left out). */
export const Leaderboard = Type.Object({
  period: Type.String(),
  board: Nullable(Type.Object({ slug: Type.String(), title: Type.String() })),
  since: Nullable(DateTime),
  items: Type.Array(
    Type.Object({
      position: Type.Integer(),
      memberId: Uuid,
      pseudonym: Type.String(),
      rank: Nullable(Type.String()),
      points: Type.Integer(),
    }),
  ),
});
/** A leaderboard (type). */
export type LeaderboardDto = Static<typeof Leaderboard>;

/** A member's points preferences. */
export const PointsPreferences = Type.Object(
  { leaderboardOptOut: Type.Boolean() },
  { additionalProperties: false },
);

/** A burst of points flagged for staff. */
export const PointsFlag = Type.Object({
  id: Uuid,
  memberId: Uuid,
  pseudonym: Type.String(),
  pointsInHour: Type.Integer(),
  threshold: Type.Integer(),
  createdAt: DateTime,
  resolvedAt: Nullable(DateTime),
});
/** A burst flag (type). */
export type PointsFlagDto = Static<typeof PointsFlag>;
/** Query of the burst flags: open ones (default) or all. */
export const FlagsQuery = Type.Object(
  {
    state: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('all')], {
        default: 'open',
        'x-message': 'validation.invalidChoice',
      }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
