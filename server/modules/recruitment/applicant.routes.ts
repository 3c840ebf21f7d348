import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { acceptSeatOffer } from './commands/accept-seat-offer.ts';
import { applyToCommunity } from './commands/apply-to-community.ts';
import { confirmApplicationEmail } from './commands/confirm-application-email.ts';
import { getOwnApplication } from './commands/get-own-application.ts';
import { getPublicCampaign } from './commands/get-public-campaign.ts';
import { sendPhoneCode } from './commands/send-phone-code.ts';
import { verifyPhone } from './commands/verify-phone.ts';
import {
  ApplyBody,
  LinkParams,
  NoBody,
  OwnApplication,
  PhoneCodeBody,
  PublicCampaign,
  TokenBody,
} from './recruitment.schemas.ts';

/**
 * The applicant's side of recruitment under `/api/v1/recruitment/…`: a campaign's public link (its
 * token), the application and its steps, and the links sent by email.
 */
export const applicantRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['recruitment'];
  app.get(
    '/recruitment/:token',
    {
      schema: {
        operationId: 'getPublicCampaign',
        summary: 'What a campaign’s public link shows: the community, the screener, the consent texts',
        tags,
        params: LinkParams,
        response: responses({ 200: PublicCampaign }),
      },
    },
    async (request) => getPublicCampaign({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.post(
    '/recruitment/:token/application',
    {
      schema: {
        operationId: 'applyToCommunity',
        summary: 'Apply through a campaign link: screener answers, phone, pseudonym, consents',
        tags,
        params: LinkParams,
        body: ApplyBody,
        response: responses({ 201: OwnApplication }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await applyToCommunity({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
        ),
  );
  app.get(
    '/recruitment/:token/application',
    {
      schema: {
        operationId: 'getOwnApplication',
        summary: 'The caller’s own application through this link: its stage in plain terms',
        tags,
        params: LinkParams,
        response: responses({ 200: OwnApplication }),
      },
    },
    async (request) => getOwnApplication({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.post(
    '/recruitment/:token/application/phone-code',
    {
      schema: {
        operationId: 'sendPhoneCode',
        summary: 'Send a new SMS code to the applicant’s phone',
        tags,
        params: LinkParams,
        body: NoBody,
        response: responses({ 200: OwnApplication }),
      },
    },
    async (request) => sendPhoneCode({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.post(
    '/recruitment/:token/application/phone',
    {
      schema: {
        operationId: 'verifyPhone',
        summary: 'Enter the SMS code: the phone is validated, then admission or the waitlist',
        tags,
        params: LinkParams,
        body: PhoneCodeBody,
        response: responses({ 200: OwnApplication }),
      },
    },
    async (request) => verifyPhone({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.post(
    '/recruitment/email-confirmations',
    {
      schema: {
        operationId: 'confirmApplicationEmail',
        summary: 'Confirm the applicant’s email from the double opt-in link',
        tags,
        body: TokenBody,
        response: responses({ 200: OwnApplication }),
      },
    },
    async (request) => confirmApplicationEmail({ ctx: ctxOf(kernel, request), input: request.body }),
  );
  app.post(
    '/recruitment/seat-offers',
    {
      schema: {
        operationId: 'acceptSeatOffer',
        summary: 'Take up a seat offered from the waitlist, from the offer email’s link',
        tags,
        body: TokenBody,
        response: responses({ 200: OwnApplication }),
      },
    },
    async (request) => acceptSeatOffer({ ctx: ctxOf(kernel, request), input: request.body }),
  );
};
