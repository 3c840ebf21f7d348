import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { BoardParams, TopicParams } from '../support/support.schemas.ts';
import { getEmailPreferences, updateEmailPreferences } from './commands/email-preferences.ts';
import { followBoard } from './commands/follow-board.ts';
import { followTopic } from './commands/follow-topic.ts';
import { listNotifications } from './commands/list-notifications.ts';
import { markNotificationsRead } from './commands/mark-notifications-read.ts';
import { unsubscribe } from './commands/unsubscribe.ts';
import {
  EmailPreferences,
  FollowBody,
  FollowState,
  ListNotificationsQuery,
  MarkReadBody,
  NotificationPage,
  UnreadCount,
  UnsubscribeBody,
  UnsubscribeResult,
  UpdateEmailPreferencesBody,
} from './notifications.schemas.ts';

/** Follows, the caller's notifications and email preferences, and one-click unsubscribe. */
export const notificationsRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['notifications'];
  app.put(
    '/communities/:community/topics/:topicId/follow',
    {
      schema: {
        operationId: 'followTopic',
        summary: 'Follow a topic, or stop following it',
        tags,
        params: TopicParams,
        body: FollowBody,
        response: responses({ 200: FollowState }),
      },
    },
    async (request) =>
      followTopic({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        topicId: request.params.topicId,
        input: request.body,
      }),
  );
  app.put(
    '/communities/:community/boards/:board/follow',
    {
      schema: {
        operationId: 'followBoard',
        summary: 'Follow a board (its new topics notify), or stop following it',
        tags,
        params: BoardParams,
        body: FollowBody,
        response: responses({ 200: FollowState }),
      },
    },
    async (request) =>
      followBoard({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        board: request.params.board,
        input: request.body,
      }),
  );
  app.get(
    '/me/notifications',
    {
      schema: {
        operationId: 'listNotifications',
        summary: 'The caller’s notifications across their communities, newest first',
        tags,
        querystring: ListNotificationsQuery,
        response: responses({ 200: NotificationPage }),
      },
    },
    async (request) => listNotifications({ ctx: ctxOf(kernel, request), query: request.query }),
  );
  app.post(
    '/me/notifications/read',
    {
      schema: {
        operationId: 'markNotificationsRead',
        summary: 'Mark some or all of the caller’s notifications read',
        tags,
        body: MarkReadBody,
        response: responses({ 200: UnreadCount }),
      },
    },
    async (request) => markNotificationsRead({ ctx: ctxOf(kernel, request), input: request.body }),
  );
  app.get(
    '/me/email-preferences',
    {
      schema: {
        operationId: 'getEmailPreferences',
        summary: 'Which kinds of notification the caller also receives by email',
        tags,
        response: responses({ 200: EmailPreferences }),
      },
    },
    async (request) => getEmailPreferences({ ctx: ctxOf(kernel, request) }),
  );
  app.patch(
    '/me/email-preferences',
    {
      schema: {
        operationId: 'updateEmailPreferences',
        summary: 'Turn emails of some kinds of notification on or off',
        tags,
        body: UpdateEmailPreferencesBody,
        response: responses({ 200: EmailPreferences }),
      },
    },
    async (request) => updateEmailPreferences({ ctx: ctxOf(kernel, request), input: request.body }),
  );
  app.post(
    '/unsubscribe',
    {
      schema: {
        operationId: 'unsubscribeEmail',
        summary: 'Turn off one kind of email with the token of its unsubscribe link (no sign-in)',
        tags,
        body: UnsubscribeBody,
        response: responses({ 200: UnsubscribeResult }),
      },
    },
    async (request) => unsubscribe({ ctx: ctxOf(kernel, request), input: request.body }),
  );
};
