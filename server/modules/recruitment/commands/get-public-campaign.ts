import type { Ctx } from '../../../platform/context.ts';
import type { SurveyDefinitionInput } from '../../research/survey-definition.ts';
import { consentTextsFor } from '../consent.ts';
import type { PublicCampaignDto } from '../recruitment.schemas.ts';
import { loadLink } from './load-recruitment.ts';

/**
 * What a campaign's public link shows anyone (no sign-in needed to read it): the community's name, the
 * screener's questions and the consent texts in force, in the reader's language.
 * @throws AppError(not_found)
 */
export async function getPublicCampaign({
  ctx,
  token,
}: {
  ctx: Ctx;
  token: string;
}): Promise<PublicCampaignDto> {
  const campaign = await loadLink(ctx.kernel.db, token);
  return {
    name: campaign.name,
    communityName: campaign.community_name,
    communitySlug: campaign.community_slug,
    open: campaign.open,
    screener: campaign.screener as SurveyDefinitionInput,
    consent: await consentTextsFor(ctx.kernel.db, campaign.community_id, ctx.locale),
  };
}
