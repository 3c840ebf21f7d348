import { Type, type Static } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';

const TargetType = Type.Union([Type.Literal('topic'), Type.Literal('reply')]);

/** A member's flag on a topic or a reply; `other` needs a note (also a database constraint). */
export const FlagBody = Type.Object(
  {
    targetType: TargetType,
    targetId: Type.String({ format: 'uuid' }),
    reason: Type.Union(
      [Type.Literal('spam'), Type.Literal('offensive'), Type.Literal('off_topic'), Type.Literal('other')],
      { 'x-message': 'validation.invalidChoice' },
    ),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** The flag just recorded. */
export const FlagResult = Type.Object({
  id: Type.String({ format: 'uuid' }),
  targetType: Type.String(),
  targetId: Type.String({ format: 'uuid' }),
  reason: Type.String(),
  status: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
/** The flag just recorded (type). */
export type FlagResultDto = Static<typeof FlagResult>;

/** What the moderation queue shows: pending posts, flagged posts, hidden or deleted ones, or all of them. */
export const QueueFilter = Type.Union([
  Type.Literal('all'),
  Type.Literal('pending'),
  Type.Literal('flagged'),
  Type.Literal('hidden'),
  Type.Literal('deleted'),
]);
/** A queue filter (type). */
export type QueueFilterValue = Static<typeof QueueFilter>;

/** Query of the moderation queue: a filter (default `all`: pending, flagged and hidden) and a page. */
export const QueueQuery = Type.Object(
  { filter: Type.Optional(QueueFilter), ...PageQuery },
  { additionalProperties: false },
);

/** A moderator's action on a post, with an optional note kept in the audit log. */
export const ModerateBody = Type.Object(
  {
    targetType: TargetType,
    targetId: Type.String({ format: 'uuid' }),
    action: Type.Union(
      [Type.Literal('approve'), Type.Literal('hide'), Type.Literal('delete'), Type.Literal('restore')],
      { 'x-message': 'validation.invalidChoice' },
    ),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** One open flag of a queued item, as staff see it. */
export const QueueFlag = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reason: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  flagger: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

/** A post in the moderation queue, in context: its board and topic, its author, an excerpt, its flags. */
export const QueueItem = Type.Object({
  targetType: Type.String(),
  id: Type.String({ format: 'uuid' }),
  status: Type.String(),
  topic: Type.Object({ id: Type.String({ format: 'uuid' }), title: Type.String(), status: Type.String() }),
  board: Type.Object({ slug: Type.String(), title: Type.String() }),
  author: Type.Object({
    id: Type.String(),
    pseudonym: Type.String(),
    role: Type.String(),
    /** The author's rank name (points area), null before any. */
    rank: Type.Union([Type.String(), Type.Null()]),
  }),
  excerpt: Type.String(),
  isSolution: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  queuedAt: Type.String({ format: 'date-time' }),
  flagsCount: Type.Integer(),
  reasons: Type.Record(Type.String(), Type.Integer()),
  flags: Type.Array(QueueFlag),
  actions: Type.Array(Type.String()),
});
/** A queued post (type). */
export type QueueItemDto = Static<typeof QueueItem>;

/** The support settings of a community, every field as stored (see migration 0004). */
export const SupportSettings = Type.Object({
  caseEscalationHours: Type.Integer(),
  solutionReminderHours: Type.Integer(),
  contactCostCents: Type.Integer(),
  currency: Type.String(),
  burstPosts: Type.Integer(),
  burstSeconds: Type.Integer(),
  hourlyPosts: Type.Integer(),
  newcomerPremoderation: Type.Boolean(),
  newcomerDays: Type.Integer(),
  newcomerPosts: Type.Integer(),
});
/** Support settings (type). */
export type SupportSettingsDto = Static<typeof SupportSettings>;

/** A change of support settings: any subset, each within the bounds of the database's CHECKs. */
export const UpdateSupportSettingsBody = Type.Object(
  {
    caseEscalationHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 2160 })),
    solutionReminderHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 2160 })),
    contactCostCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', 'x-message': 'moderation.currencyFormat' })),
    burstPosts: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    burstSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600 })),
    hourlyPosts: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    newcomerPremoderation: Type.Optional(Type.Boolean()),
    newcomerDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    newcomerPosts: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);
