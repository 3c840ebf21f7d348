import type { Ctx } from '../platform/context.ts';
import { acceptSeatOffer } from '../modules/recruitment/commands/accept-seat-offer.ts';
import { applyToCommunity } from '../modules/recruitment/commands/apply-to-community.ts';
import { confirmApplicationEmail } from '../modules/recruitment/commands/confirm-application-email.ts';
import { createCampaign } from '../modules/recruitment/commands/create-campaign.ts';
import { decideApplication } from '../modules/recruitment/commands/decide-application.ts';
import { getCampaign, listCampaigns } from '../modules/recruitment/commands/get-campaign.ts';
import { getCampaignQrCode } from '../modules/recruitment/commands/get-campaign-qr-code.ts';
import { getMyConsents } from '../modules/recruitment/commands/get-my-consents.ts';
import { getOwnApplication } from '../modules/recruitment/commands/get-own-application.ts';
import { getPublicCampaign } from '../modules/recruitment/commands/get-public-campaign.ts';
import { importCampaignContacts } from '../modules/recruitment/commands/import-campaign-contacts.ts';
import { listApplications } from '../modules/recruitment/commands/list-applications.ts';
import { listSms } from '../modules/recruitment/commands/list-sms.ts';
import { updateCampaign } from '../modules/recruitment/commands/update-campaign.ts';
import { sendPhoneCode } from '../modules/recruitment/commands/send-phone-code.ts';
import { verifyPhone } from '../modules/recruitment/commands/verify-phone.ts';

/** Recruitment's operations for the web app, bound to the request's context (spread into the web API). */
export function recruitmentWebApi(ctx: Ctx) {
  return {
    listCampaigns: (community: string) => listCampaigns({ ctx, community }),
    createCampaign: (community: string, input: unknown) => createCampaign({ ctx, community, input }),
    getCampaign: (community: string, campaignId: string) => getCampaign({ ctx, community, campaignId }),
    updateCampaign: (community: string, campaignId: string, input: unknown) =>
      updateCampaign({ ctx, community, campaignId, input }),
    getCampaignQrCode: (community: string, campaignId: string) =>
      getCampaignQrCode({ ctx, community, campaignId }),
    importCampaignContacts: (community: string, campaignId: string, input: unknown) =>
      importCampaignContacts({ ctx, community, campaignId, input }),
    listApplications: (community: string, query: Record<string, unknown> = {}) =>
      listApplications({ ctx, community, query }),
    decideApplication: (community: string, applicationId: string, input: unknown) =>
      decideApplication({ ctx, community, applicationId, input }),
    getMyConsents: (community: string) => getMyConsents({ ctx, community }),
    getPublicCampaign: (token: string) => getPublicCampaign({ ctx, token }),
    applyToCommunity: (token: string, input: unknown) => applyToCommunity({ ctx, token, input }),
    getOwnApplication: (token: string) => getOwnApplication({ ctx, token }),
    sendPhoneCode: (token: string) => sendPhoneCode({ ctx, token }),
    verifyPhone: (token: string, input: unknown) => verifyPhone({ ctx, token, input }),
    confirmApplicationEmail: (input: unknown) => confirmApplicationEmail({ ctx, input }),
    acceptSeatOffer: (input: unknown) => acceptSeatOffer({ ctx, input }),
    listSms: () => listSms({ ctx }),
  };
}
