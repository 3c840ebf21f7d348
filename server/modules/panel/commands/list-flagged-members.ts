import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { findDuplicates } from '../duplicates.ts';
import { panelPolicy } from '../panel.policy.ts';
import type { FlaggedMemberDto } from '../panel-quality.schemas.ts';
import { findPanelMembers, listLowScores } from '../panel-quality.repository.ts';
import { findPanelSettings } from '../reliability.repository.ts';
import { loadPanel } from './load-panel.ts';

/**
 * The panel members flagged for review (staff): those scored under the community's review threshold,
 * lowest first, then the likely duplicates not already listed, each with the members they duplicate.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function listFlaggedMembers({
  ctx,
  community,
}: {
  ctx: Ctx;
  community: string;
}): Promise<{ threshold: number; items: FlaggedMemberDto[] }> {
  const resource = await loadPanel(ctx, community);
  authorize(panelPolicy, 'reviewMembers', ctx.actor, resource);
  const db = ctx.kernel.db;
  const communityId = resource.community.id;
  const { review_threshold: threshold } = await findPanelSettings(db, communityId);
  const [low, duplicates] = await Promise.all([
    listLowScores(db, communityId, threshold),
    findDuplicates(db, communityId),
  ]);
  const listed = new Set(low.map((m) => m.id));
  const others = await findPanelMembers(
    db,
    communityId,
    [...duplicates.keys()].filter((id) => !listed.has(id)),
  );
  others.sort((a, b) => a.pseudonym.localeCompare(b.pseudonym));
  const items = [...low, ...others].map((m) => ({
    memberId: m.id,
    pseudonym: m.pseudonym,
    panelStage: m.panel_stage,
    score: m.reliability_score,
    lowScore: m.reliability_score !== null && m.reliability_score < threshold,
    duplicates: duplicates.get(m.id) ?? [],
  }));
  return { threshold, items };
}
