import type { ReplyTable, TopicTable } from '../../platform/db/schema.ts';

// `t.*` and `r.*` would also read the generated `search_vector` column (migration 0008): the widest column
// of both tables, which only `modules/search` uses, through SQL. PostgreSQL then prints every tsvector as
// text and the driver copies it into each row for nothing (a topic page reads 20–30 replies). Post queries
// name their columns instead.

const TOPIC_COLUMNS = [
  'id',
  'community_id',
  'board_id',
  'author_id',
  'kind',
  'title',
  'body',
  'body_html',
  'status',
  'locked',
  'pinned',
  'solved',
  'replies_count',
  'kudos_count',
  'last_activity_at',
  'created_at',
  'updated_at',
  'edited_at',
  'merged_into_id',
] as const satisfies readonly (keyof TopicTable)[];

const REPLY_COLUMNS = [
  'id',
  'community_id',
  'topic_id',
  'author_id',
  'in_reply_to_id',
  'body',
  'body_html',
  'status',
  'is_solution',
  'kudos_count',
  'official',
  'created_at',
  'updated_at',
  'edited_at',
] as const satisfies readonly (keyof ReplyTable)[];

type TopicColumn = (typeof TOPIC_COLUMNS)[number];
type ReplyColumn = (typeof REPLY_COLUMNS)[number];

/** Every column of `topics` but `search_vector`, under a table alias (`topicColumns('t')`: `t.id`, …). */
export function topicColumns<A extends string>(alias: A): `${A}.${TopicColumn}`[] {
  return TOPIC_COLUMNS.map((column) => `${alias}.${column}` as const);
}

/** Every column of `replies` but `search_vector`, under a table alias (`replyColumns('r')`: `r.id`, …). */
export function replyColumns<A extends string>(alias: A): `${A}.${ReplyColumn}`[] {
  return REPLY_COLUMNS.map((column) => `${alias}.${column}` as const);
}

/** Every column of `replies` but `search_vector`, unqualified (for `returning`). */
export const REPLY_RETURNING: readonly ReplyColumn[] = REPLY_COLUMNS;
