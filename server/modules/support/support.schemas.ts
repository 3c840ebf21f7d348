import { Type, type Static } from 'typebox';
import { CaseBadge } from './cases/cases.schemas.ts';

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

/** Uploaded images (ids from `uploadImage`) to attach to a new post: at most four. */
const ImageIds = Type.Array(Type.String({ format: 'uuid' }), { maxItems: 4, uniqueItems: true });

/** A new topic: a question or a discussion, in Markdown. */
export const CreateTopicBody = Type.Object(
  {
    kind: Type.Optional(Type.Union([Type.Literal('question'), Type.Literal('discussion')])),
    title: Type.String({ minLength: 5, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 50_000 }),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 5 })),
    imageIds: Type.Optional(ImageIds),
  },
  { additionalProperties: false },
);
/** A new reply, optionally answering another reply. */
export const CreateReplyBody = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 50_000 }),
    inReplyToId: Type.Optional(Type.String({ format: 'uuid' })),
    imageIds: Type.Optional(ImageIds),
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
export const Author = Type.Object({
  id: Type.String(),
  pseudonym: Type.String(),
  role: Type.String(),
  /** The author's rank name (points area), where the query loads it. */
  rank: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

/** An image attached to a post, served from `url` (`/uploads/:id`). */
export const Image = Type.Object({
  id: Type.String({ format: 'uuid' }),
  url: Type.String(),
  contentType: Type.String(),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
  alt: Type.String(),
});
/** An image (type). */
export type ImageDto = Static<typeof Image>;

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
  tags: Type.Array(Type.String()),
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
  /** An official answer of the brand, posted by a support agent on a case. */
  official: Type.Boolean(),
  kudosCount: Type.Integer(),
  inReplyToId: Type.Union([Type.String(), Type.Null()]),
  author: Author,
  createdAt: Type.String({ format: 'date-time' }),
  /** When the body was last edited (null: never); its history is at `…/replies/:replyId/revisions`. */
  editedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** The Markdown source, for a viewer who may edit the reply (null otherwise). */
  bodySource: Type.Union([Type.String(), Type.Null()]),
  images: Type.Array(Image),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});
/** A reply (type). */
export type ReplyDto = Static<typeof Reply>;

/** A topic with its body, its board, its replies (solutions first) and the viewer's abilities. */
export const Topic = Type.Object({
  ...TopicSummary.properties,
  communityId: Type.String({ format: 'uuid' }),
  bodyHtml: Type.String(),
  bodyText: Type.String(),
  board: Type.Object({
    id: Type.String(),
    slug: Type.String(),
    title: Type.String(),
    visibility: Type.String(),
  }),
  images: Type.Array(Image),
  /** When the title or body was last edited (null: never). */
  editedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** The Markdown source, for a viewer who may edit the topic (null otherwise). */
  bodySource: Type.Union([Type.String(), Type.Null()]),
  /** The topic this one was merged into: clients follow it (the web redirects). */
  mergedIntoId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  /** The question's support case: for its asker and case workers only (null for other readers). */
  case: Type.Union([CaseBadge, Type.Null()]),
  solutions: Type.Array(Reply),
  replies: Type.Array(Reply),
  /** The page of replies shown (`replies` holds that page only; `solutions` are on every page). */
  page: Type.Object({
    number: Type.Integer({ minimum: 1 }),
    size: Type.Integer({ minimum: 1 }),
    count: Type.Integer({ minimum: 1 }),
    totalReplies: Type.Integer({ minimum: 0 }),
  }),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});
/** A topic with its replies (type). */
export type TopicDto = Static<typeof Topic>;

/** Filters of a board's topic list. */
export const ListTopicsQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  filter: Type.Optional(Type.Union([Type.Literal('unanswered'), Type.Literal('unsolved')])),
  tag: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
});

/** Which page of a topic's replies to read. */
export const GetTopicQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
});

/** The people who help in a board: the community's experts and the board's top contributors (90 days). */
export const BoardContributors = Type.Object({
  experts: Type.Array(Author),
  topContributors: Type.Array(
    Type.Object({
      ...Author.properties,
      solutions: Type.Integer({ minimum: 0 }),
      kudos: Type.Integer({ minimum: 0 }),
    }),
  ),
});
/** A board's contributors (type). */
export type BoardContributorsDto = Static<typeof BoardContributors>;

/** The result of giving kudos: the item's new count. */
export const KudosResult = Type.Object({
  targetType: Type.String(),
  targetId: Type.String(),
  kudosCount: Type.Integer(),
});

// Editing and arranging posts (issue 3, H1a): edits with history, soft deletes, lock, pin, move, merge.

/**
 * Changes to a topic, all optional: the author or staff edit `title` and `body`; staff only set `locked`,
 * `pinned` and `boardId` (a board of the same community, by id or slug).
 */
export const UpdateTopicBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 5, maxLength: 200 })),
    body: Type.Optional(Type.String({ minLength: 1, maxLength: 50_000 })),
    locked: Type.Optional(Type.Boolean()),
    pinned: Type.Optional(Type.Boolean()),
    boardId: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  },
  { additionalProperties: false },
);
/** A reply's new body. */
export const UpdateReplyBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 50_000 }) },
  { additionalProperties: false },
);
/** Merge a topic into another topic of the same community. */
export const MergeTopicBody = Type.Object(
  { targetTopicId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

/** A deleted post: which one, and its status now. */
export const DeletedPost = Type.Object({
  targetType: Type.Union([Type.Literal('topic'), Type.Literal('reply')]),
  id: Type.String({ format: 'uuid' }),
  status: Type.Literal('deleted'),
});
/** A deleted post (type). */
export type DeletedPostDto = Static<typeof DeletedPost>;

/** One version of a post in its edit history. */
const PostVersion = Type.Object({
  title: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
});
/** One edit of a post: who (pseudonym and role; null for a platform admin without membership), when, what changed. */
export const Revision = Type.Object({
  id: Type.String({ format: 'uuid' }),
  editor: Type.Union([Author, Type.Null()]),
  editedAt: Type.String({ format: 'date-time' }),
  changed: Type.Array(Type.Union([Type.Literal('title'), Type.Literal('body')])),
  before: PostVersion,
  after: PostVersion,
});
/** One edit of a post (type). */
export type RevisionDto = Static<typeof Revision>;
/** A post's edit history, newest first (the latest 100 edits). */
export const RevisionList = Type.Object({ items: Type.Array(Revision) });
/** A post's edit history (type). */
export type RevisionListDto = Static<typeof RevisionList>;
