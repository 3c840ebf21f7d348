import { Type, type Static } from 'typebox';

const Kind = Type.Union([
  Type.Literal('reply'),
  Type.Literal('topic'),
  Type.Literal('solution'),
  Type.Literal('mention'),
  Type.Literal('reminder'),
  Type.Literal('reward'),
]);

/** Follow or stop following a topic or a board. */
export const FollowBody = Type.Object({ following: Type.Boolean() }, { additionalProperties: false });

/** Whether the caller follows a topic or a board. */
export const FollowState = Type.Object({
  targetType: Type.String(),
  targetId: Type.String({ format: 'uuid' }),
  following: Type.Boolean(),
});
/** A follow state (type). */
export type FollowStateDto = Static<typeof FollowState>;

/** Filters of the caller's notifications list. */
export const ListNotificationsQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  unread: Type.Optional(Type.Boolean()),
});

/** A notification as the API presents it. */
export const Notification = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Kind,
  community: Type.Object({ slug: Type.String(), name: Type.String() }),
  topicId: Type.Union([Type.String(), Type.Null()]),
  topicTitle: Type.Union([Type.String(), Type.Null()]),
  replyId: Type.Union([Type.String(), Type.Null()]),
  actorPseudonym: Type.Union([Type.String(), Type.Null()]),
  /** The actor's current rank name in the community (points area), null before any. */
  actorRank: Type.Union([Type.String(), Type.Null()]),
  /** Non-topic notifications (rewards): the web path to open and the message's parameters. */
  linkPath: Type.Union([Type.String(), Type.Null()]),
  params: Type.Union([Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])), Type.Null()]),
  read: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
/** A notification (type). */
export type NotificationDto = Static<typeof Notification>;

/** One page of notifications with the unread count. */
export const NotificationPage = Type.Object({
  items: Type.Array(Notification),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  unreadCount: Type.Integer(),
});
/** A page of notifications (type). */
export type NotificationPageDto = Static<typeof NotificationPage>;

/** Which notifications to mark read: these ids, or every one with `all`. */
export const MarkReadBody = Type.Object(
  {
    ids: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 100 })),
    all: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false },
);

/** The unread count after marking. */
export const UnreadCount = Type.Object({ unreadCount: Type.Integer() });

/** Email on or off per kind of notification. */
export const EmailPreferences = Type.Object({
  reply: Type.Boolean(),
  topic: Type.Boolean(),
  solution: Type.Boolean(),
  mention: Type.Boolean(),
  reminder: Type.Boolean(),
  reward: Type.Boolean(),
});
/** Email preferences (type). */
export type EmailPreferencesDto = Static<typeof EmailPreferences>;

/** A change of email preferences: only the kinds given change. */
export const UpdateEmailPreferencesBody = Type.Partial(EmailPreferences, { additionalProperties: false });

/** A one-click unsubscribe token, as in the link of an email. */
export const UnsubscribeBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

/** What a token unsubscribes from. */
export const UnsubscribeResult = Type.Object({ kind: Kind, email: Type.Boolean() });
/** The result of an unsubscribe (type). */
export type UnsubscribeResultDto = Static<typeof UnsubscribeResult>;
