import type { Ctx } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import type { CampaignRow } from '../../../platform/db/schema-recruitment.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { loadCommunity, type LoadedCommunity } from '../../communities/commands/load-community.ts';
import { cellKey, quotaLimit } from '../recruitment-rules.ts';
import { countCellsByCampaign, findCampaign, findCampaignByToken } from '../recruitment.repository.ts';
import type { CampaignDto, QuotaInput } from '../recruitment.schemas.ts';

/**
 * Loads a community the actor may see, with their membership, for recruitment's staff commands.
 * @throws AppError(not_found)
 */
export function loadRecruitment(ctx: Ctx, community: string): Promise<LoadedCommunity> {
  return loadCommunity(ctx, community);
}

/**
 * Loads a campaign of the community.
 * @throws AppError(not_found)
 */
export async function loadCampaign(db: Queryable, communityId: string, id: string): Promise<CampaignRow> {
  const row = await findCampaign(db, communityId, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * Loads a campaign by its public link token, with its community's name, slug and member cap. The link is
 * what reveals the campaign (and the community's name) to people outside it.
 * @throws AppError(not_found)
 */
export async function loadLink(db: Queryable, token: string) {
  const row = await findCampaignByToken(db, token);
  if (!row) throw new AppError('not_found');
  return row;
}

/** How full each quota cell of these campaigns is, in one query: campaign id → its cells. */
export async function quotaFillsOf(
  db: Queryable,
  campaigns: readonly CampaignRow[],
): Promise<Map<string, CampaignDto['quotaFill']>> {
  const counts = await countCellsByCampaign(
    db,
    campaigns.map((c) => c.id),
  );
  return new Map(
    campaigns.map((campaign) => [
      campaign.id,
      (campaign.quotas as QuotaInput[]).map((q) => ({
        question: q.question,
        option: q.option,
        limit: quotaLimit(q, campaign.target),
        filled: counts.get(campaign.id)?.get(cellKey(q)) ?? 0,
      })),
    ]),
  );
}

/** How full each quota cell of a campaign is. */
export async function quotaFillOf(db: Queryable, campaign: CampaignRow): Promise<CampaignDto['quotaFill']> {
  return (await quotaFillsOf(db, [campaign])).get(campaign.id)!;
}
