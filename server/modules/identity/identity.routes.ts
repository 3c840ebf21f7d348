import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { getMe, updateMe } from './commands/me.ts';
import { completeSetup } from './commands/setup.ts';
import { Me, SetupBody, SetupResult, UpdateMeBody } from './identity.schemas.ts';

/** `/api/v1/me` (the signed-in account) and `/api/v1/setup` (first platform admin). */
export const identityRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['identity'];
  app.get(
    '/me',
    {
      schema: {
        operationId: 'getMe',
        summary: 'The signed-in account and its memberships',
        tags,
        response: responses({ 200: Me }),
      },
    },
    async (request) => getMe({ ctx: ctxOf(kernel, request) }),
  );
  app.patch(
    '/me',
    {
      schema: {
        operationId: 'updateMe',
        summary: 'Change name, interface language or phone',
        tags,
        body: UpdateMeBody,
        response: responses({ 200: Me }),
      },
    },
    async (request) => updateMe({ ctx: ctxOf(kernel, request), input: request.body }),
  );
  app.post(
    '/setup',
    {
      schema: {
        operationId: 'completeSetup',
        summary: 'Create the first platform admin with the one-time setup token',
        tags,
        body: SetupBody,
        response: responses({ 201: SetupResult }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await completeSetup({ ctx: ctxOf(kernel, request), input: request.body })),
  );
};
