import { newId } from '../server/platform/db/ids.ts';
import type { Insertable, Updateable } from 'kysely';
import type {
  BoardRow,
  BoardTable,
  CommunityRole,
  ReplyRow,
  ReplyTable,
  TopicRow,
  TopicTable,
} from '../server/platform/db/schema.ts';
import { renderMarkdown } from '../server/platform/text/markdown.ts';
import { addMember, freshCommunity, plainUser, testApp, type TestUser } from './helpers.ts';

/** A user of a test community with their membership id. */
export interface Person {
  user: TestUser;
  memberId: string;
}

async function person(communityId: string, role: CommunityRole): Promise<Person> {
  const user = await plainUser();
  return { user, memberId: await addMember(communityId, user.userId, role) };
}

/**
 * A fresh community (public unless told) with an admin, a moderator, an expert, an observer and two
 * ordinary members, plus a public questions board (slug `help`) written directly in the database.
 */
export async function supportCommunity(overrides: Parameters<typeof freshCommunity>[0] = {}) {
  const community = await freshCommunity(overrides);
  const people = {
    admin: await person(community.id, 'admin'),
    moderator: await person(community.id, 'moderator'),
    expert: await person(community.id, 'expert'),
    observer: await person(community.id, 'observer'),
    member: await person(community.id, 'member'),
    other: await person(community.id, 'member'),
  };
  const board = await seedBoard(community.id, { slug: 'help' });
  return { community, board, ...people };
}

/** Inserts a board directly (a public questions board unless told otherwise). */
export async function seedBoard(
  communityId: string,
  values: Partial<Insertable<BoardTable>> = {},
): Promise<BoardRow> {
  const { kernel } = await testApp();
  return kernel.db
    .insertInto('boards')
    .values({
      id: newId(),
      community_id: communityId,
      slug: `b-${newId().slice(-12)}`,
      title: 'A board',
      description: '',
      kind: 'questions',
      ...values,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserts a published question directly (override kind, status, locked, pinned, dates…). */
export async function seedTopic(
  board: Pick<BoardRow, 'id' | 'community_id'>,
  authorId: string,
  values: Partial<Insertable<TopicTable>> = {},
): Promise<TopicRow> {
  const { kernel } = await testApp();
  const body = values.body ?? 'What is the **answer**?';
  return kernel.db
    .insertInto('topics')
    .values({
      id: newId(),
      community_id: board.community_id,
      board_id: board.id,
      author_id: authorId,
      kind: 'question',
      title: 'A seeded question',
      body,
      body_html: renderMarkdown(body),
      ...values,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserts a published reply directly (without touching the topic's counters). */
export async function seedReply(
  topic: Pick<TopicRow, 'id' | 'community_id'>,
  authorId: string,
  values: Partial<Insertable<ReplyTable>> = {},
): Promise<ReplyRow> {
  const { kernel } = await testApp();
  const body = values.body ?? 'Try turning it off and on again.';
  return kernel.db
    .insertInto('replies')
    .values({
      id: newId(),
      community_id: topic.community_id,
      topic_id: topic.id,
      author_id: authorId,
      body,
      body_html: renderMarkdown(body),
      ...values,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The stored row of a topic (counters, flags, activity). */
export async function topicRow(topicId: string): Promise<TopicRow> {
  const { kernel } = await testApp();
  return kernel.db.selectFrom('topics').selectAll().where('id', '=', topicId).executeTakeFirstOrThrow();
}

/** Sets columns of a topic directly (locked, pinned, status, last activity…). */
export async function updateTopicRow(topicId: string, values: Updateable<TopicTable>): Promise<void> {
  const { kernel } = await testApp();
  await kernel.db.updateTable('topics').set(values).where('id', '=', topicId).execute();
}
