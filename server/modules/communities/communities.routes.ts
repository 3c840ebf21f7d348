import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { createCommunity } from './commands/create-community.ts';
import { getCommunity } from './commands/get-community.ts';
import { listCommunities } from './commands/list-communities.ts';
import { updateCommunity } from './commands/update-community.ts';
import {
  Community,
  CommunityParams,
  CreateCommunityBody,
  UpdateCommunityBody,
} from './communities.schemas.ts';

/** `/api/v1/communities`: list, create, read, update. */
export const communitiesRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['communities'];
  app.get(
    '/communities',
    {
      schema: {
        operationId: 'listCommunities',
        summary: 'Communities the caller may see, by name',
        tags,
        querystring: Type.Object({ ...PageQuery, mine: Type.Optional(Type.Boolean()) }),
        response: responses({ 200: Page(Community) }),
      },
    },
    async (request) => listCommunities({ ctx: ctxOf(kernel, request), ...request.query }),
  );
  app.post(
    '/communities',
    {
      schema: {
        operationId: 'createCommunity',
        summary: 'Create a community (platform admins)',
        tags,
        body: CreateCommunityBody,
        response: responses({ 201: Community }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCommunity({ ctx: ctxOf(kernel, request), input: request.body })),
  );
  app.get(
    '/communities/:community',
    {
      schema: {
        operationId: 'getCommunity',
        summary: 'One community by id or slug',
        tags,
        params: CommunityParams,
        querystring: Type.Object({ invitationCode: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: responses({ 200: Community }),
      },
    },
    async (request) =>
      getCommunity({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        invitationCode: request.query.invitationCode,
      }),
  );
  app.patch(
    '/communities/:community',
    {
      schema: {
        operationId: 'updateCommunity',
        summary: 'Change a community’s settings (community admins)',
        tags,
        params: CommunityParams,
        body: UpdateCommunityBody,
        response: responses({ 200: Community }),
      },
    },
    async (request) =>
      updateCommunity({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        input: request.body,
      }),
  );
};
