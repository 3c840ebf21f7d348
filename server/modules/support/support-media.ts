import { type Insertable, sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { UploadRow, UploadTable } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { ImageDto } from './support.schemas.ts';

/** At most this many tags on one topic (the `topic_tags.position` check says the same). */
export const MAX_TAGS = 5;
/** The longest tag once normalized (the `topic_tags.tag` check says the same). */
export const MAX_TAG_LENGTH = 30;
/** At most this many images on one post (the `uploads.position` check says the same). */
export const MAX_IMAGES = 4;

/**
 * Normalizes a tag to a lowercase ASCII slug: accents dropped, any other run of characters turned into
 * one dash, at most 30 characters. Returns '' when nothing usable is left.
 */
export function normalizeTag(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_TAG_LENGTH)
    .replace(/-+$/, '');
}

/**
 * Normalizes a topic's tags: each one as `normalizeTag` does, duplicates dropped, order kept.
 * @throws AppError(validation_failed at /tags/N when a tag has no letter or digit)
 */
export function normalizeTags(raw: readonly string[] | undefined): string[] {
  const tags: string[] = [];
  (raw ?? []).forEach((value, index) => {
    const tag = normalizeTag(value);
    if (!tag) throw AppError.field(`/tags/${index}`, 'validation.tagFormat');
    if (!tags.includes(tag)) tags.push(tag);
  });
  return tags;
}

/** Records a topic's tags in the order given. */
export async function insertTopicTags(
  db: Queryable,
  topic: { community_id: string; id: string },
  tags: readonly string[],
): Promise<void> {
  if (tags.length === 0) return;
  await db
    .insertInto('topic_tags')
    .values(
      tags.map((tag, position) => ({ community_id: topic.community_id, topic_id: topic.id, tag, position })),
    )
    .execute();
}

/** A subquery selecting a topic's tags as a text array (for lists: one query, no N+1). */
export const tagsOf = (topicColumn: string) =>
  sql<
    string[]
  >`ARRAY(SELECT tt.tag FROM topic_tags tt WHERE tt.topic_id = ${sql.ref(topicColumn)} ORDER BY tt.position)`;

/**
 * Attaches the uploader's own unattached images of the community to a new post, in the order given.
 * Locks the uploads so that one image cannot be attached to two posts at once.
 * @throws AppError(validation_failed at /imageIds when an id is unknown, someone else's, from another
 *   community, or already attached)
 */
export async function attachUploads(
  db: Queryable,
  owner: { communityId: string; uploaderId: string },
  imageIds: readonly string[],
  target: { type: 'topic' | 'reply'; id: string },
): Promise<void> {
  if (imageIds.length === 0) return;
  const rows = await db
    .selectFrom('uploads')
    .select('id')
    .where('id', 'in', [...imageIds])
    .where('community_id', '=', owner.communityId)
    .where('uploader_id', '=', owner.uploaderId)
    .where('target_id', 'is', null)
    .forUpdate()
    .execute();
  if (rows.length !== imageIds.length) throw AppError.field('/imageIds', 'validation.imageUnavailable');
  for (const [position, id] of imageIds.entries()) {
    await db
      .updateTable('uploads')
      .set({ target_type: target.type, target_id: target.id, position })
      .where('id', '=', id)
      .execute();
  }
}

/** Presents an upload as an image of a post: its URL, sniffed type, size in pixels and alt text. */
export function presentImage(
  row: Pick<UploadRow, 'id' | 'content_type' | 'width' | 'height' | 'alt'>,
): ImageDto {
  return {
    id: row.id,
    url: `/uploads/${row.id}`,
    contentType: row.content_type,
    width: row.width,
    height: row.height,
    alt: row.alt,
  };
}

/** The images attached to the given posts, by post id, in their order (one query). */
export async function listImagesOf(
  db: Queryable,
  targetType: 'topic' | 'reply',
  targetIds: readonly string[],
): Promise<Map<string, ImageDto[]>> {
  const byTarget = new Map<string, ImageDto[]>();
  if (targetIds.length === 0) return byTarget;
  const rows = await db
    .selectFrom('uploads')
    .select(['id', 'content_type', 'width', 'height', 'alt', 'target_id'])
    .where('target_type', '=', targetType)
    .where('target_id', 'in', [...targetIds])
    .orderBy('target_id')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const list = byTarget.get(row.target_id!) ?? [];
    list.push(presentImage(row));
    byTarget.set(row.target_id!, list);
  }
  return byTarget;
}

/** An upload by id (attached or not). */
export async function findUpload(db: Queryable, uploadId: string): Promise<UploadRow | undefined> {
  return db.selectFrom('uploads').selectAll().where('id', '=', uploadId).executeTakeFirst();
}

/** Stores an upload's row (not yet attached to a post). */
export async function insertUpload(db: Queryable, values: Insertable<UploadTable>): Promise<UploadRow> {
  return db.insertInto('uploads').values(values).returningAll().executeTakeFirstOrThrow();
}
