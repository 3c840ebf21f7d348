import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page } from '../../platform/http/pagination.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { MailMessage } from './admin.schemas.ts';
import { listMail } from './commands/list-mail.ts';

/** `/api/v1/admin/…`: platform administration (the email outbox). */
export const adminRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  app.get(
    '/admin/mail',
    {
      schema: {
        operationId: 'listMail',
        summary: 'The email outbox (platform admins)',
        tags: ['admin'],
        querystring: Type.Object({
          to: Type.Optional(Type.String({ maxLength: 254 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
          cursor: Type.Optional(Type.String({ maxLength: 500 })),
        }),
        response: responses({ 200: Page(MailMessage) }),
      },
    },
    async (request) => listMail({ ctx: ctxOf(kernel, request), ...request.query }),
  );
};
