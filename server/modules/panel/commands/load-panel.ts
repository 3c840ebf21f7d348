import type { Ctx } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import type { SegmentRow } from '../../../platform/db/schema-research.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import type { PanelResource } from '../panel.policy.ts';
import {
  attributeKindsOf,
  compileSegmentFilter,
  findAttributeRows,
  findSegment,
} from '../panel.repository.ts';
import { checkSegmentFilter } from '../panel-rules.ts';
import type { SegmentFilterInput } from '../panel.schemas.ts';

/**
 * Loads a community the actor may see, with their membership, for the panel's commands.
 * @throws AppError(not_found)
 */
export function loadPanel(ctx: Ctx, community: string): Promise<PanelResource> {
  return loadCommunity(ctx, community);
}

/**
 * Loads a segment of the community.
 * @throws AppError(not_found)
 */
export async function loadSegment(
  db: Queryable,
  communityId: string,
  segmentId: string,
): Promise<SegmentRow> {
  const row = await findSegment(db, communityId, segmentId);
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * Checks a filter against the community's attributes and compiles it to a SQL predicate.
 * @throws AppError(validation_failed at `prefix`/conditions/N/…)
 */
export async function compileCheckedFilter(
  db: Queryable,
  communityId: string,
  filter: SegmentFilterInput,
  prefix = '/filter',
) {
  const ids = filter.conditions.flatMap((c) => (c.type === 'attribute' ? [c.attributeId] : []));
  const rows = await findAttributeRows(db, communityId, ids);
  checkSegmentFilter(filter, new Map(rows.map((r) => [r.id, r])), prefix);
  return compileSegmentFilter(filter, new Map(rows.map((r) => [r.id, r.kind])));
}

/** Compiles a stored segment's filter (checked when it was saved) to a SQL predicate. */
export async function compileSegment(db: Queryable, segment: SegmentRow) {
  const filter = segment.filter as SegmentFilterInput;
  return compileSegmentFilter(filter, await attributeKindsOf(db, segment.community_id, filter));
}
