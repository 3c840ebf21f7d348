import type { Queryable } from '../../../platform/db/database.ts';
import type { RewardRow } from '../../../platform/db/schema-catalogue.ts';
import { AppError, type FieldError } from '../../../platform/errors/app-error.ts';
import { compileSegment } from '../../panel/commands/load-panel.ts';
import { findSegment, memberMatches } from '../../panel/panel.repository.ts';
import { findRankPosition } from '../standing.repository.ts';
import { ensureRanks } from '../standing.ts';
import type { EligibilityFacts } from './availability.ts';
import type { RewardDto } from './catalogue.schemas.ts';

type Reservation = Pick<RewardRow, 'segment_id'>;

/**
 * What eligibility reads about one member for some rewards: their rank's position (one query) and, for
 * each distinct segment the rewards name, whether they belong to it (the panel's compiled filter, one
 * query a segment).
 */
export async function eligibilityFacts(
  db: Queryable,
  memberId: string,
  rewards: readonly Reservation[],
): Promise<EligibilityFacts> {
  const rankPosition = await findRankPosition(db, memberId);
  const segments = new Set<string>();
  const ids = [...new Set(rewards.flatMap((r) => (r.segment_id ? [r.segment_id] : [])))];
  if (ids.length > 0) {
    const rows = await db.selectFrom('segments').selectAll().where('id', 'in', ids).execute();
    for (const segment of rows) {
      if (await memberMatches(db, memberId, await compileSegment(db, segment))) segments.add(segment.id);
    }
  }
  return { rankPosition, segments };
}

/** The names and images the catalogue shows beside rewards (three queries at most, whatever their number). */
export interface RewardLabels {
  rankNames: Map<number, string>;
  segmentNames: Map<string, string>;
  images: Map<string, NonNullable<RewardDto['image']>>;
}

/** Reads the rank names, segment names and images some rewards refer to. */
export async function rewardLabels(
  db: Queryable,
  communityId: string,
  rewards: readonly Pick<RewardRow, 'min_rank_position' | 'segment_id' | 'image_id'>[],
): Promise<RewardLabels> {
  const labels: RewardLabels = { rankNames: new Map(), segmentNames: new Map(), images: new Map() };
  if (rewards.some((r) => r.min_rank_position !== null)) {
    const ranks = await db
      .selectFrom('ranks')
      .select(['position', 'name'])
      .where('community_id', '=', communityId)
      .execute();
    for (const r of ranks) labels.rankNames.set(r.position, r.name);
  }
  const segmentIds = [...new Set(rewards.flatMap((r) => (r.segment_id ? [r.segment_id] : [])))];
  if (segmentIds.length > 0) {
    const rows = await db
      .selectFrom('segments')
      .select(['id', 'name'])
      .where('id', 'in', segmentIds)
      .execute();
    for (const s of rows) labels.segmentNames.set(s.id, s.name);
  }
  const imageIds = [...new Set(rewards.flatMap((r) => (r.image_id ? [r.image_id] : [])))];
  if (imageIds.length > 0) {
    const rows = await db
      .selectFrom('uploads')
      .select(['id', 'content_type', 'width', 'height', 'alt'])
      .where('id', 'in', imageIds)
      .execute();
    for (const u of rows)
      labels.images.set(u.id, {
        id: u.id,
        url: `/uploads/${u.id}`,
        contentType: u.content_type,
        width: u.width,
        height: u.height,
        alt: u.alt,
      });
  }
  return labels;
}

/**
 * Checks what a reward's new fields refer to: a rank position the community has, a segment of the
 * community, an image the caller uploaded to the community and has not attached to anything yet (or the
 * reward's own current image). Writes the community's default ranks first when it has none.
 * @throws AppError(validation_failed) with one field error per bad reference.
 */
export async function checkRewardRefs(
  db: Queryable,
  communityId: string,
  input: { minRankPosition?: number | null; segmentId?: string | null; imageId?: string | null },
  owner: { uploaderId: string | null; rewardId: string | null },
): Promise<void> {
  const fields: FieldError[] = [];
  if (input.minRankPosition != null) {
    const ranks = await ensureRanks(db, communityId);
    if (!ranks.some((r) => r.position === input.minRankPosition))
      fields.push({ path: '/minRankPosition', key: 'rewards.validation.unknownRank' });
  }
  if (input.segmentId != null && !(await findSegment(db, communityId, input.segmentId)))
    fields.push({ path: '/segmentId', key: 'rewards.validation.unknownSegment' });
  if (input.imageId != null) {
    const upload = await db
      .selectFrom('uploads')
      .select(['uploader_id', 'target_type', 'target_id'])
      .where('id', '=', input.imageId)
      .where('community_id', '=', communityId)
      .executeTakeFirst();
    const own = !!upload && upload.target_type === 'reward' && upload.target_id === owner.rewardId;
    const free = !!upload && upload.target_type === null && upload.uploader_id === owner.uploaderId;
    if (!own && !free) fields.push({ path: '/imageId', key: 'rewards.validation.image' });
  }
  if (fields.length > 0) throw new AppError('validation_failed', { fields });
}

/**
 * Attaches an image to a reward and detaches the one it replaces (left to its uploader, as unattached
 * uploads are). Locks the upload, so one image never goes to two rewards or posts at once.
 * @throws AppError(validation_failed at /imageId when it was taken meanwhile)
 */
export async function attachRewardImage(
  db: Queryable,
  reward: { id: string; image_id: string | null },
  imageId: string | null,
): Promise<void> {
  if (reward.image_id === imageId) return;
  if (reward.image_id)
    await db
      .updateTable('uploads')
      .set({ target_type: null, target_id: null, position: null })
      .where('id', '=', reward.image_id)
      .where('target_type', '=', 'reward')
      .execute();
  if (!imageId) return;
  const taken = await db
    .updateTable('uploads')
    .set({ target_type: 'reward', target_id: reward.id, position: 0 })
    .where('id', '=', imageId)
    .where('target_type', 'is', null)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) throw AppError.field('/imageId', 'rewards.validation.image');
}
