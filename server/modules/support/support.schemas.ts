import { Type, type Static } from 'typebox';

/** Path parameters: a community (id or slug) and a board (id or slug). */
export const BoardParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  board: Type.String({ minLength: 1, maxLength: 60 }),
});
/** Path parameters: a community and a topic id. */
export const TopicParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  topicId: Type.String({ format: 'uuid' }),
});
/** Path parameters: a community and a reply id. */
export const ReplyParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  replyId: Type.String({ format: 'uuid' }),
});

/** A new board. */
export const CreateBoardBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 100 }),
    slug: Type.String({
      pattern: '^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$',
      'x-message': 'validation.boardSlugFormat',
    }),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    kind: Type.Union([Type.Literal('questions'), Type.Literal('discussions'), Type.Literal('announcements')]),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    visibility: Type.Optional(
      Type.Union([Type.Literal('public'), Type.Literal('members'), Type.Literal('staff')]),
    ),
    posting: Type.Optional(Type.Union([Type.Literal('members'), Type.Literal('staff')])),
    premoderation: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** A board as the API presents it, with the viewer's abilities in it. */
export const Board = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  title: Type.String(),
  description: Type.String(),
  kind: Type.String(),
  position: Type.Integer(),
  visibility: Type.String(),
  posting: Type.String(),
  premoderation: Type.Boolean(),
  topicsCount: Type.Integer(),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});
/** A board (type). */
export type BoardDto = Static<typeof Board>;

/** A new topic: a question or a discussion, in Markdown. */
export const CreateTopicBody = Type.Object(
  {
    kind: Type.Optional(Type.Union([Type.Literal('question'), Type.Literal('discussion')])),
    title: Type.String({ minLength: 5, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 50_000 }),
  },
  { additionalProperties: false },
);
/** A new reply, optionally answering another reply. */
export const CreateReplyBody = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 50_000 }),
    inReplyToId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
/** Accept a reply as a solution, or undo it. */
export const SolutionBody = Type.Object({ accepted: Type.Boolean() }, { additionalProperties: false });
/** Give kudos to a topic or a reply. */
export const KudosBody = Type.Object(
  {
    targetType: Type.Union([Type.Literal('topic'), Type.Literal('reply')]),
    targetId: Type.String({ format: 'uuid' }),
  },
  { additionalProperties: false },
);

/** The public face of an author: pseudonym and role badge, never the identity. */
export const Author = Type.Object({ id: Type.String(), pseudonym: Type.String(), role: Type.String() });

/** A topic as listed in a board. */
export const TopicSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  boardId: Type.String({ format: 'uuid' }),
  kind: Type.String(),
  title: Type.String(),
  status: Type.String(),
  locked: Type.Boolean(),
  pinned: Type.Boolean(),
  solved: Type.Boolean(),
  repliesCount: Type.Integer(),
  kudosCount: Type.Integer(),
  author: Author,
  createdAt: Type.String({ format: 'date-time' }),
  lastActivityAt: Type.String({ format: 'date-time' }),
});
/** A topic in a list (type). */
export type TopicSummaryDto = Static<typeof TopicSummary>;

/** A reply as shown in its topic. */
export const Reply = Type.Object({
  id: Type.String({ format: 'uuid' }),
  bodyHtml: Type.String(),
  /** Plain text of the body (snippets, structured data for search engines). */
  bodyText: Type.String(),
  status: Type.String(),
  isSolution: Type.Boolean(),
  kudosCount: Type.Integer(),
  inReplyToId: Type.Union([Type.String(), Type.Null()]),
  author: Author,
  createdAt: Type.String({ format: 'date-time' }),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});
/** A reply (type). */
export type ReplyDto = Static<typeof Reply>;

/** A topic with its body, its board, its replies (solutions first) and the viewer's abilities. */
export const Topic = Type.Object({
  ...TopicSummary.properties,
  bodyHtml: Type.String(),
  bodyText: Type.String(),
  board: Type.Object({
    id: Type.String(),
    slug: Type.String(),
    title: Type.String(),
    visibility: Type.String(),
  }),
  solutions: Type.Array(Reply),
  replies: Type.Array(Reply),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});
/** A topic with its replies (type). */
export type TopicDto = Static<typeof Topic>;

/** Filters of a board's topic list. */
export const ListTopicsQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  filter: Type.Optional(Type.Union([Type.Literal('unanswered'), Type.Literal('unsolved')])),
});

/** The result of giving kudos: the item's new count. */
export const KudosResult = Type.Object({
  targetType: Type.String(),
  targetId: Type.String(),
  kudosCount: Type.Integer(),
});
