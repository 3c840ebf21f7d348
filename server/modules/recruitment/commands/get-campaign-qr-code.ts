import encodeQR from 'qr';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { recruitmentPolicy } from '../recruitment.policy.ts';
import { loadCampaign, loadRecruitment } from './load-recruitment.ts';

/** A campaign's public application address. */
export function campaignLink(publicUrl: string, token: string): string {
  return `${publicUrl}/recruit/${token}`;
}

/**
 * The QR code of a campaign's public link as an SVG image (staff), to print for stores: black modules on
 * white, with the quiet zone, medium error correction.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getCampaignQrCode({
  ctx,
  community: key,
  campaignId,
}: {
  ctx: Ctx;
  community: string;
  campaignId: string;
}): Promise<{ svg: string; url: string }> {
  const loaded = await loadRecruitment(ctx, key);
  authorize(recruitmentPolicy, 'manageRecruitment', ctx.actor, loaded);
  const campaign = await loadCampaign(ctx.kernel.db, loaded.community.id, campaignId);
  const url = campaignLink(ctx.kernel.config.publicUrl, campaign.token);
  return { svg: encodeQR(url, 'svg', { ecc: 'medium', border: 4 }), url };
}
