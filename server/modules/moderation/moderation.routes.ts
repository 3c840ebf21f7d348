import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Page } from '../../platform/http/pagination.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { CommunityParams } from '../communities/communities.schemas.ts';
import { flagContent } from './commands/flag-content.ts';
import { getSupportSettings } from './commands/get-support-settings.ts';
import { listModerationQueue } from './commands/list-moderation-queue.ts';
import { moderateContent } from './commands/moderate-content.ts';
import { updateSupportSettings } from './commands/update-support-settings.ts';
import {
  FlagBody,
  FlagResult,
  ModerateBody,
  QueueItem,
  QueueQuery,
  SupportSettings,
  UpdateSupportSettingsBody,
} from './moderation.schemas.ts';

/** First-line moderation under `/api/v1/communities/:community/…`: flags, the queue, actions, settings. */
export const moderationRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['moderation'];
  app.post(
    '/communities/:community/flags',
    {
      schema: {
        operationId: 'flagContent',
        summary: 'Flag a topic or a reply for the moderators',
        tags,
        params: CommunityParams,
        body: FlagBody,
        response: responses({ 201: FlagResult }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await flagContent({
          ctx: ctxOf(kernel, request),
          community: request.params.community,
          input: request.body,
        }),
      ),
  );
  app.get(
    '/communities/:community/moderation/queue',
    {
      schema: {
        operationId: 'listModerationQueue',
        summary: 'Pending, flagged and hidden posts in context (staff)',
        tags,
        params: CommunityParams,
        querystring: QueueQuery,
        response: responses({ 200: Page(QueueItem) }),
      },
    },
    async (request) =>
      listModerationQueue({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        query: request.query,
      }),
  );
  app.post(
    '/communities/:community/moderation/actions',
    {
      schema: {
        operationId: 'moderateContent',
        summary: 'Approve, hide, delete or restore a post (staff)',
        tags,
        params: CommunityParams,
        body: ModerateBody,
        response: responses({ 200: QueueItem }),
      },
    },
    async (request) =>
      moderateContent({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        input: request.body,
      }),
  );
  app.get(
    '/communities/:community/support-settings',
    {
      schema: {
        operationId: 'getSupportSettings',
        summary: 'The community’s peer-support settings (admins)',
        tags,
        params: CommunityParams,
        response: responses({ 200: SupportSettings }),
      },
    },
    async (request) =>
      getSupportSettings({ ctx: ctxOf(kernel, request), community: request.params.community }),
  );
  app.put(
    '/communities/:community/support-settings',
    {
      schema: {
        operationId: 'updateSupportSettings',
        summary: 'Change the community’s peer-support settings (admins)',
        tags,
        params: CommunityParams,
        body: UpdateSupportSettingsBody,
        response: responses({ 200: SupportSettings }),
      },
    },
    async (request) =>
      updateSupportSettings({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        input: request.body,
      }),
  );
};
