import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { CommunityParams } from '../communities/communities.schemas.ts';
import { createCampaign } from './commands/create-campaign.ts';
import { decideApplication } from './commands/decide-application.ts';
import { getCampaign, listCampaigns } from './commands/get-campaign.ts';
import { getCampaignQrCode } from './commands/get-campaign-qr-code.ts';
import { getMyConsents } from './commands/get-my-consents.ts';
import { importCampaignContacts } from './commands/import-campaign-contacts.ts';
import { listApplications } from './commands/list-applications.ts';
import { getConsentTexts, publishConsentTexts } from './commands/publish-consent-texts.ts';
import { updateCampaign } from './commands/update-campaign.ts';
import {
  Application,
  ApplicationList,
  ApplicationParams,
  Campaign,
  CampaignList,
  CampaignParams,
  ConsentTexts,
  ConsentTextsBody,
  CreateCampaignBody,
  DecideBody,
  ImportContactsBody,
  ImportResult,
  ListApplicationsQuery,
  MyConsents,
  SmsList,
  UpdateCampaignBody,
} from './recruitment.schemas.ts';
import { listSms } from './commands/list-sms.ts';

/** Recruitment's staff routes under `/api/v1/communities/:community/…`, and the member's consents. */
export const recruitmentRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['recruitment'];
  const base = '/communities/:community';
  app.get(
    `${base}/campaigns`,
    {
      schema: {
        operationId: 'listCampaigns',
        summary: 'The community’s recruitment campaigns with their quota fill (staff)',
        tags,
        params: CommunityParams,
        response: responses({ 200: CampaignList }),
      },
    },
    async (request) => listCampaigns({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.post(
    `${base}/campaigns`,
    {
      schema: {
        operationId: 'createCampaign',
        summary: 'Create a campaign: screener, qualify/disqualify rules, quotas, attribute mapping (staff)',
        tags,
        params: CommunityParams,
        body: CreateCampaignBody,
        response: responses({ 201: Campaign }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createCampaign({ ctx: ctxOf(kernel, request), ...request.params, input: request.body })),
  );
  app.get(
    `${base}/campaigns/:campaignId`,
    {
      schema: {
        operationId: 'getCampaign',
        summary: 'One campaign with its public link token and quota fill (staff)',
        tags,
        params: CampaignParams,
        response: responses({ 200: Campaign }),
      },
    },
    async (request) => getCampaign({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.put(
    `${base}/campaigns/:campaignId`,
    {
      schema: {
        operationId: 'updateCampaign',
        summary:
          'Edit a campaign: screener, rules, quotas, mapping, open or closed; applications kept (staff)',
        tags,
        params: CampaignParams,
        body: UpdateCampaignBody,
        response: responses({ 200: Campaign }),
      },
    },
    async (request) =>
      updateCampaign({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.get(
    `${base}/campaigns/:campaignId/qr-code`,
    {
      schema: {
        operationId: 'getCampaignQrCode',
        summary: 'The QR code of the campaign’s public link, as SVG (staff)',
        tags,
        params: CampaignParams,
        response: responses({ 200: Type.String() }),
      },
    },
    async (request, reply) => {
      const { svg } = await getCampaignQrCode({ ctx: ctxOf(kernel, request), ...request.params });
      return reply
        .header('content-type', 'image/svg+xml')
        .header('cache-control', 'private, no-store')
        .send(svg);
    },
  );
  app.post(
    `${base}/campaigns/:campaignId/contacts`,
    {
      schema: {
        operationId: 'importCampaignContacts',
        summary: 'Invite a batch of customers from CSV (mapping, preview, per-row results) (staff)',
        tags,
        params: CampaignParams,
        body: ImportContactsBody,
        response: responses({ 200: ImportResult }),
      },
    },
    async (request) =>
      importCampaignContacts({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.get(
    `${base}/applications`,
    {
      schema: {
        operationId: 'listApplications',
        summary: 'The community’s applications, by status and campaign; the waitlist in order (staff)',
        tags,
        params: CommunityParams,
        querystring: ListApplicationsQuery,
        response: responses({ 200: ApplicationList }),
      },
    },
    async (request) =>
      listApplications({ ctx: ctxOf(kernel, request), ...request.params, query: request.query }),
  );
  app.post(
    `${base}/applications/:applicationId/decision`,
    {
      schema: {
        operationId: 'decideApplication',
        summary: 'Qualify, disqualify, or record a phone validation by call (staff)',
        tags,
        params: ApplicationParams,
        body: DecideBody,
        response: responses({ 200: Application }),
      },
    },
    async (request) =>
      decideApplication({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.get(
    `${base}/consent-texts`,
    {
      schema: {
        operationId: 'getConsentTexts',
        summary: 'The consent texts in force, in the reader’s language (staff)',
        tags,
        params: CommunityParams,
        response: responses({ 200: ConsentTexts }),
      },
    },
    async (request) => getConsentTexts({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.post(
    `${base}/consent-texts`,
    {
      schema: {
        operationId: 'publishConsentTexts',
        summary: 'Publish a new version of the consent texts, in English and French (staff)',
        tags,
        params: CommunityParams,
        body: ConsentTextsBody,
        response: responses({ 201: ConsentTexts }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await publishConsentTexts({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
        ),
  );
  app.get(
    '/admin/sms',
    {
      schema: {
        operationId: 'listSms',
        summary: 'The SMS outbox: the provider in use and the latest text messages (platform admins)',
        tags,
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
          { additionalProperties: false },
        ),
        response: responses({ 200: SmsList }),
      },
    },
    async (request) => listSms({ ctx: ctxOf(kernel, request), limit: request.query.limit }),
  );
  app.get(
    `${base}/me/consents`,
    {
      schema: {
        operationId: 'getMyConsents',
        summary: 'What the member accepted when applying, and when',
        tags,
        params: CommunityParams,
        response: responses({ 200: MyConsents }),
      },
    },
    async (request) => getMyConsents({ ctx: ctxOf(kernel, request), ...request.params }),
  );
};
